"""Short news-like texts for the hostile corpus, written for warlog (not taken from any source).

Each template has slots filled by rule: {n} a toll, {town} a place, {day} a weekday.
"""
from __future__ import annotations

TOWNS = ["Kidal", "Marawi", "Bentiu", "Idlib", "Mogadishu", "Beni", "Maiduguri", "Taiz", "Kherson", "Gao"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

ENGLISH = [
    "Gunmen attacked a village near {town} on {day}, killing at least {n} civilians and burning dozens of "
    "homes, local officials said. Survivors told reporters the attackers arrived on motorcycles shortly "
    "before dawn and fired on people as they fled. The army said it had sent reinforcements to the area.",
    "Government troops clashed with rebel fighters on the outskirts of {town} on {day}. A military "
    "spokesman said {n} insurgents were killed and four soldiers were wounded in the fighting, which "
    "lasted several hours. Residents reported heavy gunfire and said many families had left the town.",
    "An air strike hit a crowded market in {town} on {day}, killing {n} people and wounding more than "
    "forty, according to a hospital director. The ministry of health called the attack a massacre. "
    "No group has said it carried out the strike.",
    "Police fired tear gas at protesters in {town} on {day} as thousands marched against rising fuel "
    "prices. Organisers said {n} people were injured and dozens were arrested. The demonstration "
    "remained largely peaceful until officers tried to clear the main square, witnesses said.",
    "A roadside bomb struck a convoy carrying aid workers near {town} on {day}, killing {n} of them, "
    "the United Nations said in a statement. The convoy was travelling to a camp for displaced people. "
    "The agency suspended its operations in the district pending an investigation.",
    "Militants stormed a police station in {town} late on {day}, killing {n} officers before setting the "
    "building on fire, the interior ministry said. Two attackers were killed when security forces "
    "returned fire. The group later claimed the assault in a message posted online.",
    "Shelling of residential districts in {town} on {day} killed {n} people, among them three children, "
    "the regional governor said. Emergency crews worked through the night to pull survivors from the "
    "rubble of a collapsed apartment block. Both sides blamed each other for the attack.",
    "Rival militias fought for control of the airport road in {town} on {day}. Medics said {n} fighters "
    "and two bystanders died in the clashes. A ceasefire brokered by tribal elders was holding by "
    "evening, though sporadic gunfire could still be heard across the city.",
]

# Absurd tolls: the article is real news in form, the number must not become a fatality count.
ABSURD_NUMBERS = ["10^30", "99999999999999999999", "1e308", "10**100", "-5", "∞", "NaN",
                  "a trillion trillion", "999,999,999,999,999", "0x7fffffffffffffff"]

FOREIGN = {
    "fr": "Des affrontements ont éclaté {day} soir entre l'armée et des groupes armés près de {town}, selon "
          "des sources locales. Au moins {n} personnes ont été tuées et plusieurs dizaines blessées, a "
          "indiqué un responsable de l'hôpital. Les autorités ont imposé un couvre-feu dans la ville et "
          "appelé la population au calme.",
    "es": "Al menos {n} personas murieron en un ataque contra un mercado cerca de {town}, informaron fuentes "
          "policiales. Los atacantes llegaron en motocicletas y abrieron fuego contra los comerciantes antes "
          "de huir. El gobierno condenó el ataque y prometió una investigación exhaustiva.",
    "de": "Bei einem Angriff auf einen Militärposten bei {town} sind mindestens {n} Soldaten getötet worden. "
          "Nach Angaben der Regierung griffen bewaffnete Männer den Stützpunkt in den frühen Morgenstunden "
          "an. Die Armee kündigte eine Offensive gegen die Angreifer an und sperrte die Straßen.",
    "pt": "Pelo menos {n} pessoas morreram num ataque armado contra uma aldeia perto de {town}, segundo a "
          "polícia. Os homens armados incendiaram casas e obrigaram centenas de moradores a fugir. O governo "
          "enviou reforços militares para a região e decretou luto oficial.",
    "it": "Almeno {n} persone sono state uccise in un attacco contro un villaggio vicino a {town}, secondo "
          "fonti locali. Gli aggressori hanno dato fuoco alle case e sono fuggiti prima dell'arrivo "
          "dell'esercito. Il governo ha proclamato tre giorni di lutto nazionale.",
    "nl": "Bij een aanval op een markt in de buurt van {town} zijn ten minste {n} mensen om het leven "
          "gekomen, meldden lokale autoriteiten. Tientallen anderen raakten gewond en werden naar het "
          "ziekenhuis gebracht. De regering veroordeelde de aanval en beloofde een onderzoek.",
    "pl": "Co najmniej {n} osób zginęło w ataku na targowisko w pobliżu miasta {town}, poinformowały lokalne "
          "władze. Kilkadziesiąt osób zostało rannych i trafiło do szpitala. Rząd potępił atak i zapowiedział "
          "wszczęcie śledztwa w tej sprawie.",
    "tr": "Yerel kaynaklara göre {town} yakınlarındaki bir pazara düzenlenen saldırıda en az {n} kişi hayatını "
          "kaybetti. Onlarca kişi yaralandı ve hastaneye kaldırıldı. Hükümet saldırıyı kınadı ve kapsamlı "
          "bir soruşturma başlatıldığını açıkladı.",
    "sw": "Watu wasiopungua {n} waliuawa katika shambulio dhidi ya soko karibu na {town}, kwa mujibu wa "
          "polisi. Makumi ya watu wengine walijeruhiwa na kupelekwa hospitalini. Serikali imelaani shambulio "
          "hilo na kuahidi kufanya uchunguzi wa kina.",
    "ru": "В результате обстрела рынка недалеко от города {town} погибли по меньшей мере {n} человек, "
          "сообщили местные власти. Ещё несколько десятков человек получили ранения и были доставлены в "
          "больницу. Правительство объявило трёхдневный траур по погибшим.",
    "uk": "Внаслідок обстрілу ринку поблизу міста {town} загинули щонайменше {n} людей, повідомила місцева "
          "влада. Ще кілька десятків людей отримали поранення і були доставлені до лікарні. Уряд оголосив "
          "дводенну жалобу за загиблими.",
    "ar": "قُتل ما لا يقل عن {n} شخصاً في هجوم على سوق شعبي قرب مدينة {town}، بحسب مصادر محلية. وأصيب عشرات "
          "آخرون بجروح ونقلوا إلى المستشفى. وأدانت الحكومة الهجوم وتعهدت بملاحقة المسؤولين عنه ومحاسبتهم.",
    "he": "לפחות {n} בני אדם נהרגו בהתקפה על שוק ליד העיר {town}, כך מסרו גורמים מקומיים. עשרות נוספים "
          "נפצעו ופונו לבית החולים הקרוב. הממשלה גינתה את ההתקפה והבטיחה לחקור את נסיבותיה.",
    "fa": "دست‌کم {n} نفر در حمله به یک بازار در نزدیکی شهر {town} کشته شدند، به گزارش منابع محلی. ده‌ها نفر "
          "دیگر زخمی شدند و به بیمارستان منتقل شدند. دولت این حمله را محکوم کرد و وعده تحقیق داد.",
    "zh-cn": "当地官员说，{town}附近的一个市场遭到炮击，至少{n}人死亡，数十人受伤。伤者已被送往附近医院救治。"
             "政府谴责了这次袭击，并宣布全国哀悼三天。目击者说，炮弹在早上人最多的时候落下。",
    "ja": "地元当局によると、{town}近くの市場が砲撃を受け、少なくとも{n}人が死亡し、数十人が負傷した。"
          "負傷者は近くの病院に搬送された。政府は攻撃を非難し、徹底的な調査を約束した。",
}

# The legacy encodings each language is commonly found in (besides UTF-8 and UTF-16).
LEGACY = {"fr": ["latin-1", "cp1252"], "es": ["latin-1", "cp1252"], "de": ["latin-1", "cp1252"],
          "pt": ["latin-1", "cp1252"], "it": ["cp1252"], "nl": ["cp1252"], "ru": ["cp1251", "koi8-r"],
          "uk": ["cp1251"], "zh-cn": ["gb2312"], "ja": ["shift_jis"]}

CHROME_ONLY = ["Skip to content", "Menu", "Search", "Home | World | Africa", "Share", "Facebook Twitter WhatsApp",
               "Advertisement", "Subscribe to our newsletter", "Sign in", "Most read", "Copyright 2024 All rights reserved"]
