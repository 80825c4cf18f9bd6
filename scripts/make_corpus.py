"""A synthetic archive in our own content format, for benchmarks and tests at scale.

    python scripts/make_corpus.py N OUT [--seed 1]

Writes N briefs, 2N people and N/4 companies (at least 2), each in Arabic and English,
into OUT/articles, OUT/people, OUT/companies and OUT/pages (an About page), so that
`make check CONTENT=OUT` passes. The same N and seed always give the same bytes.

What it exercises:
- briefs dated over about three years (every month of the archive has briefs), 4 to 8
  paragraphs each, Arabic first and an English translation paragraph by paragraph;
- every person and company a brief names is in its `people`/`companies` list, and the
  text names exactly those (the mention check finds nothing to warn about);
- three to five key points in nine briefs of ten, each citing the paragraph that names whom it names;
- moves with `from`, `to` (or `to_other`), `when`, `tenure`, `role`, `quote` and the
  paragraph that states them; some people move again in a later brief; executives
  are quoted with an affiliation and no move; a few big companies are in many briefs;
- Arabic hazards: names written with proclitics joined (وكريم، بنوفا، لسيرا), names that
  hide inside others (كريم = ك + ريم: both exist with the same family name), names that
  begin with a proclitic letter (وليد، بلال، فادي، لينا), family names with ال, letters with
  variants (أ إ آ ا، ى ي، ة ه) and aliases in the spelling without hamza.
"""

import argparse
import datetime
import json
import random
import re
import shutil
import sys
from pathlib import Path

# (Arabic, English). Names that begin with a letter used as a proclitic are on purpose.
FIRST_NAMES = [
    ("كريم", "Karim"), ("ريم", "Reem"), ("وليد", "Walid"), ("بلال", "Bilal"), ("فادي", "Fadi"),
    ("لينا", "Lina"), ("أحمد", "Ahmed"), ("إيمان", "Iman"), ("آمنة", "Amna"), ("مصطفى", "Mustafa"),
    ("هدى", "Huda"), ("فاطمة", "Fatima"), ("أسامة", "Osama"), ("سلمى", "Salma"), ("يوسف", "Youssef"),
    ("ليلى", "Layla"), ("عمر", "Omar"), ("نور", "Nour"), ("رامي", "Rami"), ("زياد", "Ziad"),
    ("دينا", "Dina"), ("طارق", "Tariq"), ("منى", "Mona"), ("خالد", "Khaled"), ("مريم", "Maryam"),
    ("باسل", "Basel"), ("سارة", "Sara"), ("حسن", "Hassan"), ("رنا", "Rana"), ("جود", "Joud"),
    ("وفاء", "Wafaa"), ("لمى", "Lama"), ("كنان", "Kinan"), ("بشرى", "Bushra"), ("فراس", "Firas"),
    ("ياسمين", "Yasmin"), ("إبراهيم", "Ibrahim"), ("أمل", "Amal"), ("مازن", "Mazen"), ("هالة", "Hala"),
    ("توني", "Tony"), ("بيرت", "Bert"), ("إيثان", "Ethan"), ("شايا", "Chaya"), ("ديفيد", "David"),
    ("ماريا", "Maria"), ("جوليا", "Julia"), ("ريتشارد", "Richard"), ("آنا", "Anna"), ("كيفن", "Kevin"),
    ("بريا", "Priya"), ("راجيش", "Rajesh"), ("مي", "May"), ("لي", "Li"), ("وي", "Wei"),
    ("سونغ", "Sung"), ("هيروشي", "Hiroshi"), ("إيلينا", "Elena"), ("لوكاس", "Lucas"), ("صوفيا", "Sofia"),
]
MIDDLE_NAMES = [
    ("سامي", "Sami"), ("علي", "Ali"), ("جميل", "Jamil"), ("نبيل", "Nabil"), ("عادل", "Adel"),
    ("منير", "Mounir"), ("رشيد", "Rachid"), ("هشام", "Hisham"), ("وائل", "Wael"), ("أنور", "Anwar"),
    ("مهدي", "Mahdi"), ("شريف", "Sherif"), ("عيسى", "Issa"), ("موسى", "Moussa"), ("يحيى", "Yahya"),
    ("حمزة", "Hamza"), ("أيمن", "Ayman"), ("إياد", "Iyad"), ("نادر", "Nader"), ("صالح", "Saleh"),
]
FAMILY_NAMES = [
    ("الحسيني", "Al-Husseini"), ("النجار", "Al-Najjar"), ("الخطيب", "Al-Khatib"), ("العمري", "Al-Omari"),
    ("حداد", "Haddad"), ("منصور", "Mansour"), ("الشامي", "Al-Shami"), ("البزاز", "Al-Bazzaz"),
    ("عيسى", "Issa"), ("خوري", "Khoury"), ("سعادة", "Saadeh"), ("الأيوبي", "Al-Ayoubi"),
    ("الإدريسي", "Al-Idrisi"), ("مرعي", "Marei"), ("بركات", "Barakat"), ("فرحات", "Farhat"),
    ("الكيلاني", "Al-Kilani"), ("زيدان", "Zidane"), ("قاسم", "Kassem"), ("الرفاعي", "Al-Rifai"),
    ("ليو", "Liu"), ("ماهر", "Maher"), ("نايت", "Knight"), ("فرما", "Verma"), ("أغاروال", "Agarwal"),
    ("وو", "Wu"), ("تشين", "Chen"), ("كيم", "Kim"), ("سميث", "Smith"), ("غارسيا", "Garcia"),
    ("مولر", "Muller"), ("تاناكا", "Tanaka"), ("روسي", "Rossi"), ("باتيل", "Patel"), ("نغوين", "Nguyen"),
    ("أوكافور", "Okafor"), ("سيلفا", "Silva"), ("إيفانوف", "Ivanov"), ("يلدز", "Yildiz"), ("لارسن", "Larsen"),
]
# The other name of a pair that hides one inside the other: «كريم» = «ك» + «ريم».
HIDDEN_PAIRS = {"كريم": "ريم", "ريم": "كريم"}
FIRST_ENGLISH = {en for _, en in FIRST_NAMES}
# Spellings without hamza or with ه for ة, as editors and sources also write them.
VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})

# Company names: invented words from syllables, in both scripts, plus a kind.
SYLLABLES = [
    ("ka", "كا"), ("no", "نو"), ("va", "فا"), ("lu", "لو"), ("mi", "مي"), ("sa", "سا"), ("te", "تي"),
    ("ra", "را"), ("zo", "زو"), ("di", "دي"), ("ma", "ما"), ("ri", "ري"), ("to", "تو"), ("si", "سي"),
    ("na", "نا"), ("bo", "بو"), ("ge", "جي"), ("ha", "ها"), ("qu", "كو"), ("xe", "زي"),
]
COMPANY_KINDS = [
    ("company", "{} AI", "{} إيه آي"), ("company", "{} Systems", "{} سيستمز"),
    ("lab", "{} Labs", "{} لابز"), ("lab", "{} Research", "{} ريسيرش"),
    ("startup", "{}", "{}"), ("startup", "{} Robotics", "{} روبوتيكس"),
]
# A few organisations whose Arabic name begins with ال (and so sorts without it).
AL_COMPANIES = [
    ("lab", "National Institute for Computing", "المعهد الوطني للحوسبة"),
    ("company", "The Arab Cloud Company", "الشركة العربية للسحابة"),
    ("lab", "The Future Intelligence Lab", "المختبر المستقبلي للذكاء"),
    ("company", "The Digital Silk Company", "الحرير الرقمي"),
]

ROLES = [
    ("باحث أول في التعلم الآلي", "Senior machine learning researcher"),
    ("مهندسة بنية تحتية", "Infrastructure engineer"),
    ("قائد فريق النماذج اللغوية", "Head of the language models team"),
    ("مدير منتج", "Product manager"),
    ("مهندس أنظمة GPU", "GPU systems engineer"),
    ("باحثة في سلامة الذكاء الاصطناعي", "AI safety researcher"),
    ("عالم بيانات", "Data scientist"),
    ("مهندسة برمجيات رئيسية", "Principal software engineer"),
    ("نائب رئيس الأبحاث", "Vice president of research"),
    ("باحث في الرؤية الحاسوبية", "Computer vision researcher"),
]
EXEC_ROLES = [
    ("الرئيس التنفيذي", "Chief executive"), ("المديرة التقنية", "Chief technology officer"),
    ("رئيس قسم الأبحاث", "Head of research"), ("المؤسس المشارك", "Co-founder"),
]
WHEN = [
    ("في أبريل", "in April"), ("الشهر الماضي", "last month"), ("قبل أسبوعين", "two weeks ago"),
    ("مطلع العام", "at the start of the year"), ("في الربيع", "in the spring"), ("هذا الأسبوع", "this week"),
]
QUOTES = [
    ("قال إنه متحمس للعمل على نماذج أسرع وأصغر.", "He said he was excited to work on faster, smaller models."),
    ("قالت إن الفريق الجديد يمنحها حرية أكبر في البحث.", "She said the new team gives her more freedom to do research."),
    ("قال إن التغييرات التنظيمية المتكررة جعلت العمل غير مستقر.", "He said repeated reorganisations had made the work unstable."),
    ("قالت إنها تريد العمل على مشكلات السلامة من الداخل.", "She said she wanted to work on safety problems from the inside."),
]
OTHER = [
    ({"ar": "نشرة إلكترونية عن أنظمة الذكاء الاصطناعي", "en": "a newsletter on AI systems"},
     "لبدء نشرة إلكترونية متخصصة في أنظمة الذكاء الاصطناعي", "to start a newsletter on AI systems"),
    ({"ar": "شركة ناشئة لم يُكشف اسمها", "en": "an unnamed startup"},
     "لتأسيس شركة ناشئة لم يُكشف عن اسمها بعد", "to found a startup whose name has not been disclosed"),
]
# Sentences without names: the context paragraphs of a brief, in both languages.
CONTEXT = [
    ("تتسابق شركات التقنية الكبرى على استقطاب الباحثين في الذكاء الاصطناعي، وتعرض حزم مكافآت تصل إلى ملايين الدولارات.",
     "Large technology companies are racing to hire AI researchers, offering compensation packages worth millions of dollars."),
    ("ويرى محللون أن انتقال الكفاءات بين المختبرات بات يحدد وتيرة تطوير النماذج أكثر من حجم الاستثمارات نفسها.",
     "Analysts say that the movement of talent between labs now sets the pace of model development more than the size of the investments."),
    ("وتأتي هذه الخطوة في ظل إعادة هيكلة متكررة لفرق الأبحاث، ما يجعل الاحتفاظ بالموظفين تحديًا متزايدًا.",
     "The move comes amid repeated restructuring of research teams, which makes keeping staff an increasing challenge."),
    ("ولم تعلّق الشركة على تفاصيل العقد أو على عدد الموظفين الذين غادروا خلال الأشهر الأخيرة.",
     "The company did not comment on the terms of the contract or on how many employees have left in recent months."),
    ("ويشير مراقبون إلى أن الشركات الناشئة تجذب الباحثين بحصص في رأس المال بدلًا من الرواتب المرتفعة.",
     "Observers note that startups attract researchers with equity rather than high salaries."),
    ("وتتزايد المنافسة على المهندسين القادرين على تدريب النماذج الكبيرة وتشغيلها بكفاءة على وحدات معالجة الرسوميات.",
     "Competition is growing for engineers who can train large models and run them efficiently on GPUs."),
    ("ويأتي ذلك بينما تعلن المختبرات عن نماذج جديدة كل بضعة أسابيع، في سباق لا يبدو أنه سيتباطأ قريبًا.",
     "This comes as labs announce new models every few weeks, in a race that does not look like slowing soon."),
    ("وتقول مصادر في القطاع إن فرق البنية التحتية هي الأكثر طلبًا هذا العام، تليها فرق السلامة والتقييم.",
     "Industry sources say infrastructure teams are the most sought after this year, followed by safety and evaluation teams."),
]
SOURCES = ["HyperAI Headlines", "The Information", "TechCrunch", "Reuters", "Bloomberg"]
START = datetime.date(2024, 1, 1)
SPAN_DAYS = 3 * 365


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def translated(value):
    return "{{ar: {}, en: {}}}".format(q(value["ar"]), q(value["en"]))


def source(slug, paragraph):
    return f"{{article: {slug}, paragraph: {paragraph}}}"


def attach(proclitic, name):
    """A proclitic written joined to a name: ب + المعهد → بالمعهد, ل + المعهد → للمعهد."""
    if proclitic == "ل" and name.startswith("ال"):
        return "ل" + name[1:]
    return proclitic + name


def paragraph_naming(name, paragraphs):
    """The number of the first paragraph whose English names `name` as a whole name."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return next(k for k, (_, en) in enumerate(paragraphs, 1) if pattern.search(en))


def slug_of(english):
    out = "".join(c.lower() if c.isalnum() and c.isascii() else "-" for c in english)
    return "-".join(part for part in out.split("-") if part)


class Corpus:
    def __init__(self, n, seed):
        self.n = n
        self.rng = random.Random(seed)
        self.slugs = set()
        self.people = self.make_people(2 * n)
        self.companies = self.make_companies(max(2, n // 4))
        self.briefs = []

    # --- names ---------------------------------------------------------------------------

    def make_people(self, count):
        rng, people, seen = self.rng, [], set()
        while len(people) < count:
            first = rng.choice(FIRST_NAMES)
            family = rng.choice(FAMILY_NAMES)
            parts = [first, family]
            if len(seen) > len(FIRST_NAMES) * len(FAMILY_NAMES) // 3 or rng.random() < 0.3:
                parts = [first, rng.choice(MIDDLE_NAMES), family]
            ar, en = " ".join(p[0] for p in parts), " ".join(p[1] for p in parts)
            if ar in seen:
                continue
            self.add_person(people, seen, ar, en)
            # now and then, the name that hides inside this one (or holds it) too
            twin = HIDDEN_PAIRS.get(first[0])
            if twin and len(people) < count and rng.random() < 0.5:
                twin_en = dict(FIRST_NAMES)[twin]
                twin_ar = " ".join([twin] + [p[0] for p in parts[1:]])
                if twin_ar not in seen:
                    self.add_person(people, seen, twin_ar, " ".join([twin_en] + [p[1] for p in parts[1:]]))
        return people

    def add_person(self, people, seen, ar, en):
        seen.add(ar)
        slug = slug_of(en)
        if slug in self.slugs:
            slug = f"{slug}-{len(people) + 1}"
        self.slugs.add(slug)
        aliases = []
        plain = ar.translate(VARIANTS)
        if plain != ar and self.rng.random() < 0.5:
            aliases = [plain]  # the spelling without hamza, used by some briefs
        people.append({"ar": ar, "en": en, "slug": slug, "aliases": aliases, "moves": [],
                       "affiliations": [], "sources": [], "role": self.rng.choice(ROLES),
                       "executive": False})

    def make_companies(self, count):
        rng, companies, seen = self.rng, [], set()
        for kind, en, ar in AL_COMPANIES[: max(0, min(len(AL_COMPANIES), count // 10))]:
            companies.append(self.company(kind, en, ar, seen))
        while len(companies) < count:
            syllables = rng.sample(SYLLABLES, rng.choice((2, 2, 3)))
            word_en = "".join(s[0] for s in syllables).capitalize()
            word_ar = "".join(s[1] for s in syllables)
            kind, en, ar = rng.choice(COMPANY_KINDS)
            if en.format(word_en) in seen or word_en in FIRST_ENGLISH:
                continue
            companies.append(self.company(kind, en.format(word_en), ar.format(word_ar), seen))
        return companies

    def company(self, kind, en, ar, seen):
        seen.add(en)
        acronym = "".join(w[0] for w in en.split() if w[0].isupper())
        aliases = [acronym] if len(acronym) > 2 and acronym not in seen else []
        seen.update(aliases)
        return {"ar": ar, "en": en, "slug": slug_of(en), "kind": kind, "aliases": aliases, "sources": []}

    # --- briefs ------------------------------------------------------------------------------

    def pick_company(self, avoid=()):
        """Big companies are in many briefs: a skewed choice over all of them."""
        rng = self.rng
        while True:
            index = min(int(rng.paretovariate(1.2)) - 1, len(self.companies) - 1)
            if rng.random() < 0.5:
                index = rng.randrange(len(self.companies))
            company = self.companies[index]
            if company["slug"] not in avoid:
                return company

    def written(self, person, lang):
        """The name as this brief writes it: sometimes an alias (spelling variant)."""
        if lang == "ar" and person["aliases"] and self.rng.random() < 0.5:
            return person["aliases"][0]
        return person[lang]

    def make_briefs(self):
        rng, n = self.rng, self.n
        for i in range(n):
            date = START + datetime.timedelta(days=(i * SPAN_DAYS) // n)
            newcomers = self.people[2 * i: 2 * i + 2]
            # every company is the destination of at least one brief
            host = self.companies[i % len(self.companies)]
            paragraphs, names, companies, sources = [], [], [host], []
            movers = []
            for number, person in enumerate(newcomers):
                if number == 1 and rng.random() < 0.3:
                    person["executive"] = True
                    continue
                origin = self.pick_company(avoid={host["slug"]})
                movers.append((person, origin, host if number == 0 else self.pick_company(avoid={origin["slug"]})))
            # someone from an earlier brief moves again
            if i > 2 and rng.random() < 0.35:
                earlier = self.people[rng.randrange(0, 2 * i)]
                last = earlier["moves"][-1] if earlier["moves"] else None
                if last and last.get("to") and not earlier["executive"]:
                    origin = next(c for c in self.companies if c["slug"] == last["to"])
                    movers.append((earlier, origin, self.pick_company(avoid={origin["slug"]})))
            slug = self.brief_slug(movers, host, i)
            lead_ar, lead_en = self.lead(movers, host)
            paragraphs.append((lead_ar, lead_en))
            for person, origin, dest in movers:
                paragraphs.append(self.move_paragraph(slug, len(paragraphs) + 1, person, origin, dest))
                names.append(person)
                named = person["moves"][-1].get("to")  # None when the move goes `to_other`
                companies += [origin, dest] if named else [origin]
                sources += [(origin, len(paragraphs))] + ([(dest, len(paragraphs))] if named else [])
            executive = newcomers[1] if len(newcomers) > 1 and newcomers[1]["executive"] else None
            if executive:
                paragraphs.append(self.executive_paragraph(slug, len(paragraphs) + 1, executive, host))
                names.append(executive)
            for ar, en in rng.sample(CONTEXT, rng.randint(1, 3)):
                paragraphs.append((ar, en))
            # the lead names the host; the other companies are named in their paragraphs
            companies = list({c["slug"]: c for c in companies if c}.values())
            host["sources"].append((slug, 1))
            for person in names:
                self.record_person_source(person, slug, paragraphs)
            for company, number in sources:
                if company is not host and (slug, number) not in company["sources"]:
                    company["sources"].append((slug, number))
            title_ar, title_en = self.title(movers, host, executive)
            self.briefs.append({
                "slug": slug, "date": date, "paragraphs": paragraphs, "people": [p["slug"] for p in names],
                "companies": [c["slug"] for c in companies], "source": rng.choice(SOURCES),
                "title": (title_ar, title_en), "summary": (lead_ar, lead_en),
                "key_points": self.key_points(movers, host, executive) if i % 10 != 9 else [],
            })
        return self.briefs

    @staticmethod
    def key_points(movers, host, executive):
        """[(ar, en, paragraphs)]: three to five points, each naming whom its paragraph names
        (the host in the lead, each mover and the companies of the move in its paragraph, the
        executive), or [] when the brief has fewer than three to tell (no randomness: the rest
        of the corpus stays as it was)."""
        points = [(f"تتابع شركة {host['ar']} توسيع فرقها.", f"{host['en']} keeps growing its teams.", 1)]
        for number, (person, origin, dest) in enumerate(movers, 2):
            points.append((f"غادر {person['ar']} شركة {origin['ar']}.", f"{person['en']} left {origin['en']}.", number))
            if person["moves"][-1].get("to"):  # the move of this brief goes to a company with a profile
                points.append((f"انضم {person['ar']} إلى {dest['ar']}.", f"{person['en']} joined {dest['en']}.", number))
        if executive:
            points.append((f"قال {executive['ar']} إن {host['ar']} تبحث عن كفاءات قادرة على نقل الأبحاث إلى منتجات.",
                           f"{executive['en']} said {host['en']} is looking for people who can turn research into products.",
                           len(movers) + 2))
        return points[:5] if len(points) >= 3 else []

    def brief_slug(self, movers, host, i):
        words = host["en"]
        if movers:
            words = f"{movers[0][0]['en']} joins {host['en']}" if movers[0][2] is host else f"{host['en']} hires"
        return f"{slug_of(words)}-{i + 1}"

    def title(self, movers, host, executive):
        if movers:
            person, origin, dest = movers[0]
            return (f"{person['ar']} يغادر {origin['ar']} إلى {dest['ar'] if dest else 'وجهة جديدة'}",
                    f"{person['en']} leaves {origin['en']} for {dest['en'] if dest else 'a new venture'}")
        return (f"{host['ar']} تعزز فريقها القيادي", f"{host['en']} strengthens its leadership team")

    def lead(self, movers, host):
        if movers:
            count_ar = {1: "موظفًا واحدًا", 2: "موظفَين", 3: "ثلاثة موظفين"}[len(movers)]
            count_en = {1: "one employee", 2: "two employees", 3: "three employees"}[len(movers)]
            return (f"تشهد سوق الكفاءات في الذكاء الاصطناعي حركة جديدة، إذ تتابع شركة {host['ar']} توسيع فرقها، "
                    f"ويرصد هذا الموجز انتقال {count_ar} بين الشركات.",
                    f"The market for AI talent is moving again: {host['en']} keeps growing its teams, "
                    f"and this brief reports {count_en} moving between companies.")
        return (f"تواصل شركة {host['ar']} بناء فريقها القيادي وسط منافسة حادة على الكفاءات.",
                f"{host['en']} keeps building its leadership team amid fierce competition for talent.")

    def move_paragraph(self, slug, number, person, origin, dest):
        rng = self.rng
        move = {"from": origin["slug"], "source": (slug, number)}
        role_ar, role_en = rng.choice(ROLES)
        name_ar, name_en = self.written(person, "ar"), person["en"]
        years = rng.randint(1, 12)
        tenure_ar = (f"بعد {years} سنوات" if 2 < years < 11 else f"بعد {years} سنة" if years > 10
                     else "بعد فترة قصيرة")
        tenure_en = f"after {years} years" if years > 2 else "after a short time"
        if years > 2:
            move["tenure"] = years
        # the conjunction, or a preposition, joined to the name, as Arabic writes it
        lead_ar = rng.choice([f"غادر {name_ar}", f"وغادر {name_ar}", f"أما {name_ar} فقد غادر"])
        if lead_ar.startswith("وغادر"):
            lead_ar = f"و{name_ar} غادر أيضًا"  # the conjunction joined to the name
        if rng.random() < 0.08:
            other, to_ar, to_en = rng.choice(OTHER)
            move["to_other"] = other
            text_ar = f"{lead_ar} شركة {origin['ar']} {tenure_ar} {to_ar}."
            text_en = f"{name_en} left {origin['en']} {tenure_en} {to_en}."
        else:
            move["to"] = dest["slug"]
            move["role"] = {"ar": role_ar, "en": role_en}
            joined = rng.choice([f"لينضم إلى {dest['ar']}", "ليلتحق " + attach("ب", dest["ar"]),
                                 "وانتقل " + attach("ل", dest["ar"])])
            text_ar = f"{lead_ar} شركة {origin['ar']} {tenure_ar} {joined} بمنصب {role_ar}."
            text_en = f"{name_en} left {origin['en']} {tenure_en} to join {dest['en']} as {role_en.lower()}."
        if rng.random() < 0.5:
            when_ar, when_en = rng.choice(WHEN)
            move["when"] = {"ar": when_ar, "en": when_en}
            text_ar += f" وجاء الانتقال {when_ar}."
            text_en += f" The move came {when_en}."
        if rng.random() < 0.3:
            quote_ar, quote_en = rng.choice(QUOTES)
            move["quote"] = {"ar": quote_ar, "en": quote_en}
            text_ar += f" و{quote_ar}"
            text_en += f" {quote_en}"
        if not person["moves"]:  # the role the brief states: where they went, or where they were
            person["role"] = ((role_ar, role_en) if "to" in move else
                              (f"موظف سابق في {origin['ar']}", f"Formerly at {origin['en']}"))
            person["role_source"] = move["source"]  # the paragraph that states it
        person["moves"].append(move)
        return text_ar, text_en

    def executive_paragraph(self, slug, number, person, host):
        role_ar, role_en = self.rng.choice(EXEC_ROLES)
        person["affiliations"].append({"org": host["slug"], "role": {"ar": role_ar, "en": role_en},
                                       "source": (slug, number)})
        person["role"] = (f"{role_ar} في {host['ar']}", f"{role_en} of {host['en']}")
        person["role_source"] = (slug, number)
        return (f"وقال {self.written(person, 'ar')}، {role_ar} في {host['ar']}، إن الشركة تبحث عن كفاءات "
                f"قادرة على نقل الأبحاث إلى منتجات.",
                f"{person['en']}, {role_en.lower()} of {host['en']}, said the company is looking for people "
                f"who can turn research into products.")

    def record_person_source(self, person, slug, paragraphs):
        person["sources"].append((slug, paragraph_naming(person["en"], paragraphs)))

    # --- writing -------------------------------------------------------------------------------

    def write(self, out):
        out = Path(out)
        for folder in ("articles", "people", "companies", "pages"):
            (out / folder).mkdir(parents=True, exist_ok=True)
        for brief in self.briefs:
            for lang, index in (("ar", 0), ("en", 1)):
                self.write_brief(out, brief, lang, index)
        # A person no brief names (an executive slot that was not used) is not written.
        named = {slug for brief in self.briefs for slug in brief["people"]}
        for person in self.people:
            if person["slug"] in named:
                self.write_person(out, person)
        for company in self.companies:
            if company["sources"]:
                self.write_company(out, company)
        write_pages(out)

    def write_brief(self, out, brief, lang, index):
        lines = [
            "---",
            f"title: {q(brief['title'][index])}",
            f"slug: {brief['slug']}",
            f"lang: {lang}",
            f"date: {brief['date'].isoformat()}",
            f"summary: {q(brief['summary'][index])}",
            "source:",
            f"  name: {q(brief['source'])}",
            f"people: [{', '.join(brief['people'])}]",
            f"companies: [{', '.join(brief['companies'])}]",
        ]
        if brief["key_points"]:
            lines.append("key_points:")
            for point in brief["key_points"]:
                lines += [f"  - text: {q(point[index])}", f"    paragraphs: [{point[2]}]"]
        lines += ["---", ""]
        body = "\n\n".join(p[index] for p in brief["paragraphs"])
        (out / "articles" / f"{brief['slug']}.{lang}.md").write_text("\n".join(lines) + body + "\n", encoding="utf-8")

    def write_person(self, out, person):
        role = person["role"]
        first_move = person["moves"][0] if person["moves"] else None
        for lang, index in (("ar", 0), ("en", 1)):
            if first_move:
                origin = self.company_by_slug(first_move["from"])
                summary = ((f"غادر {origin['ar']} في انتقال يرصده الموجز.", f"Left {origin['en']}, in a move the brief reports.")
                           [index])
            else:
                summary = ("يرد اسمه في الموجز متحدثًا باسم شركته.", "Named in the brief, speaking for their company.")[index]
            lines = [
                "---",
                f"name: {q(person[lang])}",
                f"slug: {person['slug']}",
                f"lang: {lang}",
                f"role: {q(role[index])}",
                f"summary: {q(summary)}",
                f"aliases: [{', '.join(q(a) for a in person['aliases'])}]" if lang == "ar" else "aliases: []",
            ]
            if lang == "ar":
                lines.append(f"role_source: {source(*person['role_source'])}")
                lines.append("sources:")
                lines += [f"  - {source(s, p)}" for s, p in dict.fromkeys(person["sources"])]
                if person["affiliations"]:
                    lines.append("affiliations:")
                    for aff in person["affiliations"]:
                        lines += [f"  - org: {aff['org']}", f"    role: {translated(aff['role'])}",
                                  f"    source: {source(*aff['source'])}"]
                lines.append("moves:" if person["moves"] else "moves: []")
                for move in person["moves"]:
                    lines.append(f"  - from: {move['from']}")
                    if "to" in move:
                        lines.append(f"    to: {move['to']}")
                    else:
                        lines.append(f"    to_other: {translated(move['to_other'])}")
                    for key in ("role", "when", "quote"):
                        if key in move:
                            lines.append(f"    {key}: {translated(move[key])}")
                    if "tenure" in move:
                        lines.append(f"    tenure: {{years: {move['tenure']}}}")
                    lines.append(f"    source: {source(*move['source'])}")
            lines += ["---", ""]
            body = ((f"يرد اسم {person['ar']} في الموجزات المرتبطة بهذه الصفحة، ومنها تُنقل انتقالاته ومناصبه.",
                     f"{person['en']} is named in the briefs linked from this page, which state their moves and positions.")
                    [index])
            (out / "people" / f"{person['slug']}.{lang}.md").write_text("\n".join(lines) + body + "\n", encoding="utf-8")

    def company_by_slug(self, slug):
        if not hasattr(self, "_companies"):
            self._companies = {c["slug"]: c for c in self.companies}
        return self._companies[slug]

    def write_company(self, out, company):
        kinds = {"company": ("شركة", "A company"), "lab": ("مختبر أبحاث", "A research lab"),
                 "startup": ("شركة ناشئة", "A startup")}[company["kind"]]
        for lang, index in (("ar", 0), ("en", 1)):
            lines = [
                "---",
                f"name: {q(company[lang])}",
                f"slug: {company['slug']}",
                f"lang: {lang}",
                f"summary: {q(kinds[index] + (' يرد اسمها في الموجز.' if index == 0 else ' named in the briefs.'))}",
                f"aliases: [{', '.join(q(a) for a in company['aliases'])}]",
            ]
            if lang == "ar":
                lines.insert(4, f"type: {company['kind']}")
                lines.insert(5, f"type_source: {source(*company['sources'][0])}")  # first paragraph naming it
                lines.append("sources:")
                # the first paragraphs that name it: enough to state what it is
                lines += [f"  - {source(s, p)}" for s, p in list(dict.fromkeys(company["sources"]))[:8]]
            lines += ["---", ""]
            count = len(company["sources"])
            body = ((f"{company['ar']}: {kinds[0]} يرد اسمها في {count} من فقرات الموجزات المنشورة هنا.",
                     f"{company['en']}: {kinds[1].lower()} named in {count} paragraphs of the briefs published here.")
                    [index])
            (out / "companies" / f"{company['slug']}.{lang}.md").write_text("\n".join(lines) + body + "\n", encoding="utf-8")


def write_pages(out):
    pages = {
        "ar": ("عن الموقع", "موجز إخباري تجريبي ثنائي اللغة عن انتقالات الكفاءات في الذكاء الاصطناعي.",
               "هذا أرشيف تجريبي مولَّد آليًّا لقياس سرعة بناء الموقع وحجمه."),
        "en": ("About", "A synthetic bilingual news brief about AI talent moves.",
               "This is a machine-generated archive used to measure how fast and how large the site builds."),
    }
    for lang, (title, summary, body) in pages.items():
        text = f"---\ntitle: {q(title)}\nslug: about\nlang: {lang}\nsummary: {q(summary)}\n---\n\n{body}\n"
        (out / "pages" / f"about.{lang}.md").write_text(text, encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a synthetic archive of N briefs in both languages.")
    parser.add_argument("n", type=int, help="number of briefs")
    parser.add_argument("out", help="the content folder to write (replaced if it exists)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    corpus = Corpus(args.n, args.seed)
    corpus.make_briefs()
    corpus.write(out)
    people = sum(1 for _ in (out / "people").glob("*.ar.md"))
    companies = sum(1 for _ in (out / "companies").glob("*.ar.md"))
    print(f"{out}: {args.n} briefs, {people} people, {companies} companies, in Arabic and English")
    return 0


if __name__ == "__main__":
    sys.exit(main())
