"""Runners: engines that run the library's engine-neutral pieces (`compare.checker`, `compare.parts`,
`compare.encoders`) on many machines. One module each; the library imports none of them.

- `ray_runner`: `compare check --engine ray`, `compare index build --engine ray`.
"""
