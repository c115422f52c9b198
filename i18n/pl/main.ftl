# Polish UI strings of the built-in theme. A site overrides any message by putting a
# message with the same id into its own i18n/pl/*.ftl.

## URL segments (DESIGN.md's URL table). Changing one moves every page under it.
url-news = aktualnosci
url-page = strona
url-archive = archiwum
url-projects = projekty
url-tags = tagi
url-stats = statystyki
url-search = szukaj

## Languages: this language's name in itself, and the other languages' names in Polish.
language-name = polski
language-pl = polski
language-en = angielski
language-de = niemiecki
translation-missing = Ten tekst jest dostępny tylko w języku: { $language }. Przejdź do polskiej wersji serwisu.
language-switcher = Wybór języka

## Page skeleton
skip-link = Przejdź do treści
site-nav = Menu główne
breadcrumb = Jesteś tutaj
home = Strona główna
news = Aktualności
archive = Archiwum
projects = Projekty
tags = Tagi
rss = Kanał RSS
rss-title = Aktualności – kanał RSS
footer-editorial = Redakcja
footer-publisher = Podmiot udostępniający informację
footer-email = E-mail
footer-phone = Telefon
footer-address = Adres

## Dates: day and month as numbers, year as text. Month names in the genitive in dates.
date-long = { $day } { $month ->
    [1] stycznia
    [2] lutego
    [3] marca
    [4] kwietnia
    [5] maja
    [6] czerwca
    [7] lipca
    [8] sierpnia
    [9] września
    [10] października
    [11] listopada
   *[12] grudnia
  } { $year } r.
date-month = { $month ->
    [1] styczeń
    [2] luty
    [3] marzec
    [4] kwiecień
    [5] maj
    [6] czerwiec
    [7] lipiec
    [8] sierpień
    [9] wrzesień
    [10] październik
    [11] listopad
   *[12] grudzień
  } { $year }

## Counts (CLDR plural categories of Polish: one, few, many, other)
news-count = { $count ->
    [one] { $count } wiadomość
    [few] { $count } wiadomości
   *[many] { $count } wiadomości
  }
project-count = { $count ->
    [one] { $count } projekt
    [few] { $count } projekty
   *[many] { $count } projektów
  }

## Lists
latest-news = Najnowsze aktualności
all-news = Wszystkie aktualności
no-news = Nie ma jeszcze wiadomości.
archived = Dokument archiwalny
archive-intro = Pełny, chronologiczny rejestr publikacji według lat.
archive-year = Archiwum { $year }
pagination = Stronicowanie
pagination-previous = Poprzednia strona
pagination-next = Następna strona
pagination-page = Strona { $n }
pagination-status = Strona { $current } z { $total }
published-on = Opublikowano

## A news item
item-tags = Tagi
item-projects = Projekty
attachments = Załączniki
attachment-size = { $kb } kB
metadata = Metryczka
metadata-published = Data publikacji
metadata-produced = Data wytworzenia informacji
metadata-produced-by = Informację wytworzył(a)
metadata-published-by = Informację wprowadził(a)

## Projects
projects-intro = Karty projektów realizowanych ze środków publicznych i europejskich.
project-card = Karta projektu
project-full-title = Pełny tytuł
project-fund = Fundusz
project-programme = Program
project-priority = Priorytet
project-measure = Działanie
project-submeasure = Poddziałanie
project-implementer = Realizator
project-period = Okres realizacji
project-budget-total = Wartość projektu
project-co-financing = Dofinansowanie
project-funding = Źródła finansowania
project-funding-period = Okres
project-funding-source = Źródło
project-funding-amount = Kwota
funding-source-eu = Unia Europejska
funding-source-state_budget = budżet państwa
funding-source-own = wkład własny
funding-source-local_budget = budżet samorządu
funding-source-other = inne źródła
project-indicators = Wskaźniki
project-indicators-caption = Wskaźniki projektu według dat sprawozdań
project-indicator-date = Stan na dzień
indicator-participants = uczestnicy
indicator-completed = ukończyli ścieżkę wsparcia
indicator-employed = podjęli pracę
indicator-independent = uniezależnieni od pomocy społecznej
project-news = Aktualności projektu
project-no-news = Ten projekt nie ma jeszcze aktualności.

## Tags
tags-intro = Wszystkie tagi w porządku alfabetycznym.
tag-title = Tag: { $tag }

## Not found and redirects
not-found-title = Nie znaleziono strony
not-found-text = Strona o tym adresie nie istnieje albo została przeniesiona.
not-found-home = Przejdź na stronę główną
redirect-title = Strona została przeniesiona
redirect-text = Ta strona ma nowy adres:
