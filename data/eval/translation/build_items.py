#!/usr/bin/env python3
"""Write items.jsonl from the hand-written table below (ids and splits are assigned by rule).

Split rule (fixed before anything was measured): within each (lang, kind), in table order, the
1st, 3rd, 5th ... item -> calibration, the 2nd, 4th, 6th ... -> test.
"""
import json
import os
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
S, M, L, N = "short", "medium", "long", "negative"

# (lang, kind, quote, cable, paragraph, english)
ITEMS = [
    # ------------------------------------------------------------------ es
    ("es", S, "tintes populistas", "06MEXICO1797", 8, "populist tints"),
    ("es", S, "una mera ilusión", "05ASUNCION546", 2, "merely a gleam in the eye"),
    ("es", S, "obsesionado", "08BUENOSAIRES425", 8,
     'the government was currently "obsessed" with the issue of terrorism finance'),
    ("es", S, "ponchos dorados", "09QUITO873", 2, 'Correa called some of the leaders "rightists" with "golden ponchos"'),
    ("es", S, "Nueva Jersey es inviable", "09TRIPOLI692", 2, "we fully understand that New Jersey is unworkable"),
    ("es", S, "dura retórica sobre Irak", "05MADRID2478", 1, "the Zapatero government's harsh rhetoric on Iraq"),
    ("es", M, "el corto distorsiona el tipo de cambio y, con ello, la competitividad del país",
     "06MEXICO1797", 5,
     "Calderon alleges that the corto, as a monetary policy tool, distorts the exchange rate and thus, the country's competitiveness."),
    ("es", M, "Amorim impulsa una agenda para reducir la influencia de EE UU en Sudamérica", "05ASUNCION546", 3,
     "Amorim is pushing an agenda designed to minimize U.S. influence in South America"),
    ("es", M, "el Gobierno ve a Argentina como un probable objetivo", "08BUENOSAIRES425", 6,
     "He said the GoA sees Argentina as a likely target"),
    ("es", M, "ambas partes se acusaron mutuamente de falta de respeto y de incumplir la nueva Constitución",
     "09QUITO873", 2,
     "both sides accusing the other of lack of respect, lack of consistency, and failure to abide by the new constitution"),
    ("es", M, "el principal obstáculo es la inexperiencia de los jueces peruanos en extradiciones", "06LIMA4262", 3,
     "The main obstacles to successful extraditions are the Peruvian judges' inexperience in extraditions"),
    ("es", M, "Estados Unidos sigue firmemente opuesto a cualquier levantamiento del embargo", "10STATE13969", 1,
     "the U.S. remains firmly opposed to any lifting of the embargo"),
    ("es", M, "por favor, no envíen a un representante de bajo nivel, porque se lo tomará mal", "09TRIPOLI692", 1,
     "please do not send just some low-level representative, as he will take that badly"),
    ("es", M, "las fronteras son porosas y los recursos del Gobierno siguen al límite", "08SANJOSE125", 1,
     "The country's borders are porous and the government resources continue to be stretched."),
    ("es", L, "Quizá hayan concluido que esa retórica les es útil en campaña, pero eso no significa que vayan a "
              "actuar como predican cuando lleguen al poder", "06MEXICO1797", 8,
     "Perhaps they have concluded that such rhetoric is useful for their political campaigns. But - as Ramirez de la O "
     "pointed out when defending AMLO - it doesn't mean they will act as they preach when they come to power."),
    ("es", L, "Amorim no quería ninguna mención a la Carta Democrática Interamericana porque sería una invitación a "
              "la OEA, y por tanto a Estados Unidos, a entrometerse en asuntos que debemos resolver nosotros mismos "
              "en la región", "05ASUNCION546", 3,
     'Amorim said he wanted no mention of the Inter American Democratic Charter because that would be an invitation '
     'for the OAS, and therefore the U.S., to "meddle" in "regional" (i.e., South American) issues that "we should be '
     'taking care of ourselves in the region."'),
    ("es", L, "los servicios de inteligencia y las fuerzas de seguridad argentinos trabajan estrechamente con sus "
              "homólogos estadounidenses para analizar cualquier actividad, incluidos movimientos financieros, "
              "destinada a facilitar o financiar el terrorismo", "08BUENOSAIRES425", 8,
     "He said Argentine intelligence and law enforcement forces were working closely with USG counterparts, and "
     "emphasized that the GoA's objective was to analyze any activities, including financial movements, whose aim "
     "could be to facilitate or finance terrorism."),
    ("es", L, "Correa tachó a algunos dirigentes de derechistas con ponchos dorados y a otros de ignorantes y "
              "manipulados; el público le acusó de hacer declaraciones racistas e incumplir sus promesas de campaña",
     "09QUITO873", 2,
     'Correa called some of the leaders "rightists" with "golden ponchos" and accusing others of being uneducated and '
     'manipulated. His audience responded by charging Correa with making racist statements and ignoring his campaign '
     'promises.'),
    ("es", L, "todos, desde los ministros hasta el personal del Ministerio de Justicia y del Ministerio Público, han "
              "subrayado la necesidad de formar a los jueces sobre el tratado de extradición", "06LIMA4262", 4,
     "Everyone from the Ministers down to staff in the Ministry of Justice and the Public Ministry have emphasized the "
     "need to educate judges on the extradition treaty"),
    ("es", L, "el problema es encontrar alojamiento adecuado en Manhattan, porque Gadafi no usa ascensores y no puede "
              "subir más de 35 escalones, así que hay que encontrar un hotel con una suite en la primera planta",
     "09TRIPOLI692", 2,
     'he said the problem was now finding "appropriate" lodging in Manhattan, as Qadhafi "will not use elevators, and '
     'cannot walk up more than 35 stairs, so we must find a hotel that has a suite on the first floor."'),
    ("es", N, "el Banco de México ha perdido toda credibilidad", None, None, None),
    ("es", N, "Argentina no corre ningún riesgo de sufrir un atentado", None, None, None),
    ("es", N, "un ministro de cartón piedra", None, None, None),
    ("es", N, "Correa fue recibido con aplausos por los líderes indígenas", None, None, None),
    ("es", N, "España levantará el embargo de armas a China antes del verano", None, None, None),
    ("es", N, "Gadafi se alojará en la residencia del embajador libio en Nueva York", None, None, None),
    ("es", N, "la diplomacia del mate", None, None, None),
    ("es", N, "los jueces peruanos conocen perfectamente el tratado de extradición", None, None, None),
    ("es", N, "Costa Rica ha erradicado por completo la trata de personas", None, None, None),
    ("es", N, "Moratinos aseguró al embajador que España volverá a enviar tropas a Irak", None, None, None),
    # ------------------------------------------------------------------ fr
    ("fr", S, "loi d'urgence draconienne", "09CAIRO624", 8, "a draconian Emergency Law"),
    ("fr", S, "aucune sympathie pour Musharraf", "01VATICAN5960", 5,
     "THERE IS NO LOVE LOST BETWEEN THE VATICAN AND MUSHARRAF"),
    ("fr", S, "caractère haut en couleur", "07SANAA1989", 19, "Saleh's colorful character"),
    ("fr", S, "catastrophe", "10MOSCOW241", 7, 'calling the election of 1996 a "catastrophe"'),
    ("fr", S, "« suicidé » par les autorités", "09BAKU687", 3, '"suicided" by the authorities'),
    ("fr", S, "point de non-retour", "05PARIS7626", 7, 'a "turning point" beyond which there is no return'),
    ("fr", M, "on ne peut pas créer une démocratie dans une société qui n'y est pas adaptée", "05PARIS7626", 6,
     "Jospin was skeptical that democratic self-government can be created in a society unadapted to it"),
    ("fr", M, "la nouvelle loi ne sera pas simplement la loi d'urgence sous un autre nom", "09CAIRO624", 8,
     "The Egyptians have told us that the new law will not simply be the Emergency Law under another name"),
    ("fr", M, "l'action militaire risque de dégénérer en vendetta tribale", "01VATICAN5960", 4,
     "THE CURRENT MILITARY ACTION RISKED DEGRADING INTO TRIBAL VENDETTA BY OTHER MEANS"),
    ("fr", M, "un regrettable manque de respect pour les simples soldats", "09BAMAKO815", 2,
     "displayed an unfortunate lack of respect for the common soldiers"),
    ("fr", M, "le gouvernement n'a pas l'intention de procéder à d'autres arrestations", "09KAMPALA679", 4,
     "The Government has not and does not intend to make any further arrests"),
    ("fr", M, "le chef spirituel de toute la nation", "10MOSCOW241", 8,
     'the Patriarch is not only the head of the Orthodox Church in Russia, but "the spiritual leader for the whole nation."'),
    ("fr", M, "dans son pays, il fera ce qu'il voudra", "07SANAA1989", 19,
     "was clearly also a message to the USG that in his country he will do as he pleases"),
    ("fr", M, "les gens hésitent à risquer leur peau", "09BAKU687", 5, 'are "reluctant to risk their necks"'),
    ("fr", L, "la rhétorique agressive de l'Iran contredit son souhait affiché de jouer un rôle plus constructif au "
              "sein de la communauté internationale", "05PARIS7626", 7,
     "Jospin said Iran's aggressive rhetoric contradicted its stated desire to play a more constructive role in the "
     "international community."),
    ("fr", L, "Notre partenariat en matière de sécurité reste solide ; votre visite est l'occasion de renforcer notre "
              "coopération avec le Service d'enquêtes de la sûreté de l'État", "09CAIRO624", 1,
     "Our partnership in law enforcement and security cooperation remains solid. Your visit provides the opportunity "
     "to review and reinforce our law enforcement cooperation with the State Security Investigative Service (SSIS)"),
    ("fr", L, "Musharraf n'a pas pu ou pas voulu affronter les islamistes radicaux, et la situation des catholiques "
              "pakistanais s'est aggravée ; le Vatican doute fortement d'un changement radical de sa politique",
     "01VATICAN5960", 5,
     "MUSHARRAF HOWEVER WAS UNABLE OR UNWILLING TO CHALLENGE ISLAMIC RADICALS AND THE CONDITIONS OF PAKISTAN'S "
     "CATHOLICS WORSENED. THE VATICAN STRONGLY DOUBTS REPORTS OF A SEA CHANGE IN MUSHARRAF'S POLITICS."),
    ("fr", L, "l'arrivée de Kombe élève la représentation de la RDC au rang d'ambassadeur et couronne trois années "
              "d'efforts diplomatiques régionaux", "09KAMPALA679", 7,
     "Kombe's arrival upgrades DRC's representation to the ambassadorial level and is the culmination of three "
     "year's of regional diplomatic efforts"),
    ("fr", L, "le Shin Bet voit moins de menace dans une économie de Gaza fondée sur le shekel que sur les devises "
              "étrangères, et aucune menace directe dans l'excès de shekels", "10TELAVIV413", 9,
     "Shin Bet sees less of a security threat from a shekel-based Gaza economy than a foreign-currency-based Gaza. "
     "It sees no direct security threat from excess shekels in Gaza."),
    ("fr", L, "la sûreté et la sécurité des installations et des matières nucléaires dans le monde au cours des dix "
              "prochaines années seront très importantes pour les États-Unis", "09UNVIEVIENNA322", 17,
     "The safety and security of nuclear facilities and material around the world over the next ten years will be "
     "very important to the U.S."),
    ("fr", N, "l'Égypte abrogera la loi d'urgence avant la fin de l'année", None, None, None),
    ("fr", N, "le Vatican soutient pleinement le général Musharraf", None, None, None),
    ("fr", N, "un président somnambule", None, None, None),
    ("fr", N, "Saleh a promis d'extrader al-Badawi vers les États-Unis", None, None, None),
    ("fr", N, "le Shin Bet craint que le Hamas n'utilise les shekels pour acheter des armes", None, None, None),
    ("fr", N, "l'AIEA n'a besoin d'aucun Américain à sa tête", None, None, None),
    ("fr", N, "une diplomatie d'opérette", None, None, None),
    ("fr", N, "le patriarche n'a aucun rôle politique à jouer en Russie", None, None, None),
    ("fr", N, "Jospin a approuvé la menace d'un veto français brandie par Chirac", None, None, None),
    ("fr", N, "les autorités ougandaises ont arrêté des dizaines d'opposants pour trahison", None, None, None),
    # ------------------------------------------------------------------ pt
    ("pt", S, "sombra de si mesmo", "09LISBON289", 13, "is a shadow of its former self"),
    ("pt", S, "a presença chinesa agiganta-se", "10LUANDA84", 2, "The Chinese presence looms large in Angola."),
    ("pt", S, "estilo de liderança autocrático", "05MUMBAI1708", 2, "the chief minister's autocratic leadership style"),
    ("pt", S, "concorrente sem moral", "10LAGOS75", 16,
     "China is a very aggressive and pernicious economic competitor with no morals."),
    ("pt", S, "pouco trabalho partidário", "09PRETORIA939", 9, 'he did "little party work."'),
    ("pt", S, "virar a maré", "07MANAMA336", 2, 'The "tide needs to be turned," the CP said'),
    ("pt", M, "os empresários ficariam satisfeitos com a participação de Obama onde a sua agenda permitir",
     "09BRASILIA836", 3, "the CEOs would be pleased with POTUS participation wherever his schedule could permit"),
    ("pt", M, "a periferia de São Paulo continua marcada pela pobreza, exclusão social e violência",
     "07SAOPAULO250", 4,
     "the periphery of metropolitan Sao Paulo, which remains rife with poverty, social exclusion, and violence"),
    ("pt", M, "nenhum dirigente do PSD inspira confiança", "09LISBON289", 17, "No PSD leaders inspire confidence"),
    ("pt", M, "não criou empregos para os angolanos nem transferiu tecnologia", "10LUANDA84", 2,
     "has failed to create jobs for Angolans, has failed to transfer technology to Angolans"),
    ("pt", M, "Joanesburgo parece de longe o local mais adequado", "90CAPETOWN97", 9,
     "JOHANNESBURG SEEMS BY FAR THE MOST SUITABLE VENUE."),
    ("pt", M, "Modi reforçou engenhosamente a sua posição enquanto enfraquecia a dos adversários",
     "05MUMBAI1708", 5, "Modi has ingeniously strengthened his position while weakening that of his opponents"),
    ("pt", M, "dividir o país em três por seitas é um erro, porque acabará por se desintegrar", "07MANAMA336", 4,
     "Splitting the country into three areas by sects is the wrong thing to do, because the country will eventually "
     "fall apart."),
    ("pt", M, "a «associação» com os Tigres Tâmeis não é um critério útil", "09NEWDELHI996", 3,
     'Menon said that "association" with the LTTE was not a useful metric'),
    ("pt", L, "apoia fortemente a participação dos católicos na política, argumentando que o desprezo pelo processo "
              "político pode criar um vazio que abre caminho à tirania e à ditadura", "07SAOPAULO250", 1,
     "he strongly supports Catholics' participation in politics, arguing that disdain for the political process can "
     "create a vacuum opening the way to tyranny and dictatorship."),
    ("pt", L, "na ausência da tão esperada conferência de doadores ocidentais para financiar a reconstrução, Angola "
              "virou-se para os chineses", "10LUANDA84", 1,
     "In the absence of a much anticipated (by the Angolans) conference of Western donors to help fund "
     "reconstruction, Angola turned to the Chinese."),
    ("pt", L, "a morte do pai deixou a mãe na miséria e obrigou-a a deixar a casa em Inkandla; voltou à sua aldeia de "
              "Maphumulo, onde trabalhou como empregada doméstica por um salário baixo", "09PRETORIA939", 4,
     "The death of his father left his mother destitute and displaced her from her home in Inkandla. She returned to "
     "her own village of Maphumulo where she worked for low pay as a domestic."),
    ("pt", L, "a aplicação dos anúncios viria rapidamente depois do discurso de De Klerk na abertura do Parlamento",
     "90CAPETOWN97", 2,
     "IMPLEMENTATION OF THE ANNOUNCEMENTS WOULD COME SWIFTLY AFTER DE KLERK'S SPEECH AT THE OPENING OF PARLIAMENT."),
    ("pt", L, "A China não está em África por razões altruístas, está em África sobretudo pela China, e também para "
              "garantir os votos dos países africanos nas Nações Unidas", "10LAGOS75", 16,
     "China is not in Africa for altruistic reasons. China is in Africa for China primarily. A secondary reason for "
     "China's presence is to secure votes in the United Nations from African countries."),
    ("pt", L, "Menon incluiu expressamente a China no grupo, defendendo que os melhores resultados no Sri Lanka "
              "viriam quando o Ocidente, a Índia e a China trabalhassem juntos", "09NEWDELHI996", 4,
     "Menon expressly included China in the grouping, arguing that best results from Sri Lanka could be expected "
     "when the West, India and China all worked together."),
    ("pt", N, "Lula vetou a compra dos caças F-18", None, None, None),
    ("pt", N, "o novo arcebispo é um aliado declarado do PT", None, None, None),
    ("pt", N, "uma coligação de papel", None, None, None),
    ("pt", N, "o PCP vai desaparecer nas próximas eleições", None, None, None),
    ("pt", N, "os chineses criaram milhares de empregos para os angolanos", None, None, None),
    ("pt", N, "Zuma nunca foi membro do Partido Comunista", None, None, None),
    ("pt", N, "uma festa sem convidados", None, None, None),
    ("pt", N, "Mandela recusa sair da prisão antes de 1991", None, None, None),
    ("pt", N, "Maliki é o homem certo para muitos anos", None, None, None),
    ("pt", N, "a Índia enviará tropas de paz para o Sri Lanka", None, None, None),
    # ------------------------------------------------------------------ de
    ("de", S, "in seine Schranken weisen", "10BERLIN157", 1, 'put zu Guttenberg "in his place."'),
    ("de", S, "der Kitt der AKP", "05ANKARA7215", 12, "PM Erdogan is the glue that holds AKP together"),
    ("de", S, "reflexhafter Populismus", "09LONDON923", 5, "Moussavi's own reflexive populism"),
    ("de", S, "Schreiduell", "05DUSHANBE1702", 11, 'had "a shouting match with him."'),
    ("de", S, "drückten ein Auge zu", "07KABUL185", 10,
     "some Pakistani authorities also turned a blind eye to infiltrators"),
    ("de", S, "Ablenkungen vermeiden", "09BEIJING2731", 8, 'the Party would "avoid distractions"'),
    ("de", M, "beim Versuch, 500 Gramm Uran 235 oder 238 zu verkaufen", "07BRATISLAVA630", 1,
     "as the individuals attempted to sell 500 grams of Uranium 235 or 238"),
    ("de", M, "die USA sollen mehr für Georgien tun", "08VILNIUS666", 3,
     "urging the United States to do more for Georgia"),
    ("de", M, "Es ist schwer, einen Türken zu finden, der nicht nationalistisch ist", "05ANKARA7215", 7,
     "It is hard to find a Turk who is not nationalistic."),
    ("de", M, "frühere Modelle des Machtwechsels sind heute von geringem Nutzen", "09BEIJING2731", 4,
     "past models of political transition were of little utility in the current environment"),
    ("de", M, "Was tut diese Gruppe eigentlich?", "07KABUL185", 15,
     'Karzai expressed his disappointment with the Policy Action Group, asking "What is it doing?"'),
    ("de", M, "Ich war bereit, entlassen zu werden oder sogar ins Gefängnis zu gehen", "05DUSHANBE1702", 11,
     'He said, "I was willing to be fired, or even go to prison."'),
    ("de", M, "Verhandlungen hätten den Prozess nur verzögert und keine niedrigeren Preise gebracht",
     "07BANGKOK598", 3,
     "negotiations would only have delayed the process and would not have resulted in lower prices"),
    ("de", M, "die Polizei hat große Mengen beschlagnahmter Drogen verloren, die als Beweismittel dienen sollten",
     "09ACCRA619", 3,
     "In the past, the police lost a large amount of drugs kept in their possession that was to be used as evidence "
     "in future trials."),
    ("de", L, "ein Mandat, das bis ins Jahr 2011 reicht, könnte zu einer verfrühten Abzugsdebatte führen, bevor die "
              "neue Strategie überhaupt eine Chance hatte zu wirken", "10BERLIN157", 6,
     "He expressed concern that having the mandate lap over into early 2011 could lead to a premature debate on "
     "withdrawal, before the new strategy really had a chance to work."),
    ("de", L, "Zwei der Täter sind Ungarn, einer ist Ukrainer; zwei sitzen in der Slowakei in Haft, der dritte in "
              "Ungarn", "07BRATISLAVA630", 1,
     "Two of the perpetrators are Hungarian, and one is Ukrainian. Two of these are in custody in Slovakia, and the "
     "third in Hungary."),
    ("de", L, "Litauen hofft, dass die Lage in Georgien die innerukrainische Debatte zugunsten engerer Bindungen an "
              "den Westen und die Nato festigen wird", "08VILNIUS666", 2,
     "He also shared Lithuanian hopes that the situation in Georgia will solidify the internal Ukrainian discussion "
     "in favor of closer ties to the West and NATO."),
    ("de", L, "Jaffrey will wissen, ob Siddiqui in Haft getötet wurde; falls sie lebt, soll sie dem Gericht "
              "vorgeführt und für die illegale Haft entschädigt werden", "08ISLAMABAD2586", 3,
     "Jaffrey also petitioned the IHC to ask the respondents whether Siddiqui had been killed in detention. If she "
     "is alive, Jaffrey wants her presented before the Court and given compensation for the illegal detention."),
    ("de", L, "Island habe kein Problem damit, vor Beobachtern zu sprechen, doch andere würden in einer offenen "
              "Sitzung womöglich nicht sagen, was sie denken", "09REYKJAVIK104", 2,
     "He clarified that Iceland has no difficulty speaking in front of observers, but it is their experience that "
     "others might not speak their mind in an open meeting."),
    ("de", L, "der Minister habe Merck zugesagt, dass keine Zwangslizenzen mehr erteilt würden, doch den Schweizern "
              "gegenüber versicherte er nur, Thailand werde seine internationalen Verpflichtungen einhalten",
     "07BANGKOK598", 5,
     "Merck had earlier reported that the Minister had pledged in a meeting with them that no more compulsory "
     "licenses would be issued, but with the Swiss he offered no more assurances other than that Thailand would "
     "respect its international commitments."),
    ("de", N, "Westerwelle hat sich für 2.000 zusätzliche Soldaten starkgemacht", None, None, None),
    ("de", N, "Das Uran stammt eindeutig aus Russland", None, None, None),
    ("de", N, "ein Auslaufmodell", None, None, None),
    ("de", N, "Litauen wird keine Delegation nach Tiflis schicken", None, None, None),
    ("de", N, "Xi Jinping wurde zum Vizevorsitzenden der Militärkommission ernannt", None, None, None),
    ("de", N, "Pakistan hat den Kampf gegen die Taliban aufgegeben", None, None, None),
    ("de", N, "eiserne Kanzlerin", None, None, None),
    ("de", N, "Thailand wird alle Zwangslizenzen zurücknehmen", None, None, None),
    ("de", N, "Island fordert öffentliche Sitzungen mit allen Beobachtern", None, None, None),
    ("de", N, "Ghanas Grenzbeamte sind hoffnungslos korrupt", None, None, None),
]

LIMITS = {S: (1, 4), M: (5, 15), L: (16, 40)}


def main() -> None:
    seen: Counter = Counter()
    per_lang: Counter = Counter()
    out = []
    for lang, kind, quote, cable, para, english in ITEMS:
        seen[lang, kind] += 1
        per_lang[lang] += 1
        n = len(quote.replace("«", " ").replace("»", " ").split())
        if kind in LIMITS and not LIMITS[kind][0] <= n <= LIMITS[kind][1]:
            print(f"WARN {lang} {kind} {n} words: {quote}")
        out.append({
            "id": f"tr-{lang}-{per_lang[lang]:03d}", "lang": lang, "quote": quote,
            "source": {"cable": cable, "paragraph": para} if cable else None,
            "english": english, "kind": kind,
            "split": "calibration" if seen[lang, kind] % 2 == 1 else "test",
        })
    with open(os.path.join(HERE, "items.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(len(out), "items;", dict(Counter((o["lang"], o["kind"], o["split"]) for o in out)))


if __name__ == "__main__":
    main()
