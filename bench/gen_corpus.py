#!/usr/bin/env python3
"""Write a synthetic bilingual (Polish/English) news archive for benchmarks.

One archive, two site formats, so that kronika and Hugo build the same Markdown:

  kronika  site.yaml, content/news/<name>.{pl,en}.md, content/projects/<id>.yaml
  hugo     hugo.yaml, minimal layouts/, content/news/<name>.{pl,en}.md
           (languages by file-name suffix, taxonomies `tags` and `projects`)

The shape follows the corpus the figures of docs/dev/performance.md were measured on:
N Polish items, 60 % of them also in English, one project per 50 items (at least two),
1-4 tags of a vocabulary of 40 and 1-2 projects per item, dates spread over 2008-2025
(items before 2016 archived), and each body about 400 words: paragraphs, a heading, a
list, a small table and an external link. The text is random words, the same for a
given --seed and --items.

    bench/gen_corpus.py --items 10000 --format kronika --out DIR

Python 3 standard library only.
"""

import argparse
import os
import random

PL = (
    "archiwum bieżące wsparcie rodzina ośrodek pomoc społeczna projekt działanie "
    "uczestniczka uczestnik kurs zawodowy szkolenie doradztwo asystentka rodziny "
    "wolontariusz senior młodzież osoba niepełnosprawna gmina powiat województwo "
    "spotkanie konferencja wizyta studyjna partner zagraniczny umowa wniosek budżet "
    "rozliczenie wskaźnik rezultat zatrudnienie aktywizacja integracja klub świetlica "
    "warsztat psycholog terapeuta mieszkanie chronione poradnia dzielnica Kraków "
    "Włocławek Wilno Zakopane żółw źdźbło gęś łódź ćwiczenie"
).split()
EN = (
    "archive current support family centre social welfare project activity participant "
    "vocational course training guidance family assistant volunteer senior youth "
    "disabled person municipality county region meeting conference study visit foreign "
    "partner agreement application budget settlement indicator outcome employment "
    "activation integration club day-care workshop psychologist therapist sheltered "
    "housing counselling district Kraków Włocławek Vilnius Zakopane"
).split()
# 40 tags, as in the corpus the earlier figures were measured on.
TAGS = (
    "efs pokl kis pal seniorzy niepelnosprawni szkolenia konferencje "
    "wspolpraca-miedzynarodowa dobre-praktyki rodzina zatrudnienie mlodziez wolontariat "
    "ue raport konkurs wizyta-studyjna asystent-rodzinny poradnictwo integracja "
    "aktywizacja ubostwo wykluczenie partnerstwo innowacje edukacja zdrowie "
    "mieszkalnictwo kultura sport media ewaluacja rekrutacja szkolenia-jezykowe terapia "
    "warsztaty praca-socjalna kontrakt-socjalny dotacje"
).split()
FIRST_YEAR, YEARS, ARCHIVED_BEFORE = 2008, 18, 2016


def words(rng, vocabulary, count):
    """`count` random words, the first capitalised."""
    text = " ".join(rng.choice(vocabulary) for _ in range(count))
    return text[:1].upper() + text[1:]


def sentence(rng, vocabulary):
    return words(rng, vocabulary, rng.randint(8, 18)) + "."


def paragraph(rng, vocabulary):
    return " ".join(sentence(rng, vocabulary) for _ in range(rng.randint(3, 6)))


def body(rng, vocabulary, lang, number):
    """About 400 words in the Markdown a news item of a BIP archive uses."""
    header = ("Wskaźnik", "Wartość") if lang == "pl" else ("Indicator", "Value")
    rows = "\n".join(
        "| %s | %d |" % (words(rng, vocabulary, 2), rng.randint(1, 5000)) for _ in range(3)
    )
    see = "Zobacz" if lang == "pl" else "See"
    blocks = [
        paragraph(rng, vocabulary),
        "## " + words(rng, vocabulary, 4),
        paragraph(rng, vocabulary),
        "\n".join("- " + words(rng, vocabulary, 6) + "." for _ in range(rng.randint(3, 6))),
        paragraph(rng, vocabulary),
        "| %s | %s |\n|---|---:|\n%s" % (header[0], header[1], rows),
        "%s **%s** i *%s*: [%s](https://example.org/%d)."
        % (see, rng.choice(vocabulary), rng.choice(vocabulary),
           words(rng, vocabulary, 3), (number * 7919) % max(number, 1)),
        paragraph(rng, vocabulary),
    ]
    return "\n\n".join(blocks) + "\n"


class Item:
    """One news item: its file name, date, tags, projects and whether it is translated."""

    def __init__(self, number, rng, projects, en_ratio):
        self.number = number
        year = FIRST_YEAR + (number * 7) % YEARS
        month = 1 + (number * 5) % 12
        day = 1 + (number * 13) % 28
        self.date = "%04d-%02d-%02d" % (year, month, day)
        self.name = "%s-wiadomosc-%05d" % (self.date, number)
        self.tags = sorted(rng.sample(TAGS, rng.randint(1, 4)))
        self.projects = sorted(
            {"projekt-%03d" % rng.randrange(projects) for _ in range(rng.randint(1, 2))}
        )
        self.translated = rng.random() < en_ratio
        self.archived = year < ARCHIVED_BEFORE

    def texts(self, seed, lang):
        """(title, body) in `lang`, the same whichever other items exist."""
        rng = random.Random("%d/%s/%d" % (seed, lang, self.number))
        vocabulary = PL if lang == "pl" else EN
        return words(rng, vocabulary, 5), body(rng, vocabulary, lang, self.number)

    def front_matter(self, title, extra=""):
        return '---\ntitle: "%s"\ndate: %s\ntags: [%s]\nprojects: [%s]\n%s---\n\n' % (
            title, self.date, ", ".join(self.tags), ", ".join(self.projects), extra)


def archive(items, en_ratio, seed):
    rng = random.Random(seed)
    projects = max(2, items // 50)
    return [Item(n, rng, projects, en_ratio) for n in range(items)], projects


def put(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


SITE_YAML = """\
title:
  pl: "Archiwum projektów (korpus testowy)"
  en: "Project archive (test corpus)"
base_url: "https://example.org/"
default_language: pl
languages: [pl, en]
"""

PROJECT_YAML = """\
title:
  pl: "Projekt systemowy nr {n}"
  en: "System project no. {n}"
fund: EFS
programme: PO KL
implementer:
  pl: "Miejski Ośrodek Pomocy Społecznej"
  en: "Municipal Social Welfare Centre"
period: {{start: 2008-06-01, end: 2015-06-30}}
budget:
  total: {{amount: "{total}.58", currency: PLN}}
  co_financing: {{amount: "{co}.44", currency: PLN}}
indicators:
  - {{date: 2010-10-18, participants: {p1}, employed: {e1}}}
  - {{date: 2012-02-15, participants: {p2}, employed: {e2}}}
"""


def write_kronika(out, items, projects, seed):
    put(os.path.join(out, "site.yaml"), SITE_YAML)
    for n in range(projects):
        text = PROJECT_YAML.format(n=n, total=1_000_000 + n * 12_345, co=900_000 + n * 11_111,
                                   p1=1000 + n, p2=1500 + n, e1=100 + n, e2=150 + n)
        put(os.path.join(out, "content", "projects", "projekt-%03d.yaml" % n), text)
    extra_common = 'produced_by: "Dział Komunikacji"\npublished_by: "Redakcja BIP"\n'
    for item in items:
        extra = ("archived: true\n" if item.archived else "") + extra_common
        for lang in ("pl", "en") if item.translated else ("pl",):
            title, text = item.texts(seed, lang)
            put(os.path.join(out, "content", "news", "%s.%s.md" % (item.name, lang)),
                item.front_matter(title, extra) + text)


HUGO_YAML = """\
baseURL: "https://example.org/"
defaultContentLanguage: pl
defaultContentLanguageInSubdir: false
taxonomies: {tag: tags, project: projects}
languages:
  pl: {languageName: Polski, title: "Archiwum projektów (korpus testowy)", weight: 1}
  en: {languageName: English, title: "Project archive (test corpus)", weight: 2}
"""

# The least a comparable Hugo site renders: every item with its language links and tags,
# news and taxonomy lists paginated by 20, and a home page of the newest 20 items.
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="{{ .Site.Language.Lang }}"><head><meta charset="utf-8">'
        "<title>{{ .Title }} | {{ .Site.Title }}</title>\n"
        '{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" '
        'href="{{ .Permalink }}">{{ end }}</head>\n'
        '<body><nav>{{ range .Translations }}<a href="{{ .RelPermalink }}">'
        "{{ .Language.Lang }}</a>{{ end }}</nav>{{ block \"main\" . }}{{ end }}</body></html>"
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<time>{{ .Date.Format "2006-01-02" }}</time>\n<ul>{{ range .Params.tags }}'
        '<li><a href="{{ (printf "tags/%s" .) | relLangURL }}">{{ . }}</a></li>{{ end }}</ul>'
        "{{ .Content }}</article>{{ end }}"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages 20 }}<ul>'
        '{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> '
        '{{ .Date.Format "2006-01-02" }}</li>{{ end }}</ul>\n{{ if $pager.HasNext }}'
        '<a href="{{ $pager.Next.URL }}">next</a>{{ end }}{{ end }}'
    ),
    "_default/terms.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}'
        '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>'
        "{{ end }}</ul>{{ end }}"
    ),
    "index.html": (
        '{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>'
        '{{ range first 20 (where .Site.RegularPages "Section" "news") }}'
        '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}'
    ),
}


def write_hugo(out, items, projects, seed):
    put(os.path.join(out, "hugo.yaml"), HUGO_YAML)
    for path, text in HUGO_LAYOUTS.items():
        put(os.path.join(out, "layouts", path), text)
    put(os.path.join(out, "content", "news", "_index.pl.md"), "---\ntitle: Aktualności\n---\n")
    put(os.path.join(out, "content", "news", "_index.en.md"), "---\ntitle: News\n---\n")
    for item in items:
        for lang in ("pl", "en") if item.translated else ("pl",):
            title, text = item.texts(seed, lang)
            put(os.path.join(out, "content", "news", "%s.%s.md" % (item.name, lang)),
                item.front_matter(title) + text)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=10000, help="Polish news items")
    ap.add_argument("--en-ratio", type=float, default=0.6, help="share translated to English")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--format", choices=["kronika", "hugo"], required=True)
    ap.add_argument("--out", required=True, help="folder to write (created)")
    args = ap.parse_args()
    items, projects = archive(args.items, args.en_ratio, args.seed)
    writer = write_kronika if args.format == "kronika" else write_hugo
    writer(args.out, items, projects, args.seed)


if __name__ == "__main__":
    main()
