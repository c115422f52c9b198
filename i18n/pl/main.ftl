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
url-accessibility = deklaracja-dostepnosci
url-instructions = instrukcja-korzystania

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

## Locale: the CLDR locale (BCP 47) for numbers, dates and alphabetical order.
## site.yaml `locales:` overrides it.
locale = pl-PL

## Typography: the quotation marks that replace straight quotes (opening, closing), and
## the one-letter words followed by a no-break space so that none ends a line.
typography-quotes = „”
typography-single-letter-words = a i o u w z

## Dates: $date is CLDR's form for the locale ("15 lutego 2012" with the month in the
## genitive; "luty 2012" standing alone, in the nominative).
date-long = { $date }{"\u00A0"}r.
date-month = { $date }

## Money: $amount has the locale's separators and two decimals; $currency is the
## currency-CODE message if there is one, else the ISO code. A money-CODE message
## (e.g. money-EUR) places one currency differently.
money = { $amount }{"\u00A0"}{ $currency }
currency-PLN = zł
currency-EUR = €

## Counts (CLDR plural categories of Polish: one, few, many, other)
news-count = { $count ->
    [one] { $count } wiadomość
    [few] { $count } wiadomości
    [many] { $count } wiadomości
   *[other] { $count } wiadomości
  }
project-count = { $count ->
    [one] { $count } projekt
    [few] { $count } projekty
    [many] { $count } projektów
   *[other] { $count } projektu
  }
people-count = { $count ->
    [one] { $count } osoba
    [few] { $count } osoby
    [many] { $count } osób
   *[other] { $count } osoby
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
metadata-publisher = Podmiot udostępniający informację
metadata-last-change = Ostatnia zmiana
metadata-changes = Rejestr zmian
metadata-change-date = Data zmiany
metadata-change-by = Autor zmiany
metadata-change-what = Opis zmiany

## Projects
projects-intro = Karty projektów realizowanych ze środków publicznych i europejskich.
projects-total = W archiwum { $count ->
    [one] jest { $count } projekt
    [few] są { $count } projekty
    [many] jest { $count } projektów
   *[other] jest { $count } projektu
  }.
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

## Statystyki (strony statystyk, ich wykresy, tabele i pliki do pobrania)
stats = Statystyki
stats-intro = Dane obliczone z archiwum podczas budowania serwisu. Pod każdym wykresem jest tabela z tymi samymi danymi. Każdą tabelę można pobrać jako plik CSV, a wszystkie dane jako jeden plik JSON.
stats-project-title = Statystyki: { $project }
stats-project-link = Statystyki projektu
stats-card-link = Karta projektu
stats-csv = Pobierz „{ $table }” (CSV, { $kb } kB)
stats-translations-by-year-csv = Przetłumaczone wiadomości według roku, wszystkie języki
stats-translations-by-project-csv = Przetłumaczone wiadomości według projektu, wszystkie języki
stats-translations-missing-csv = Wiadomości do przetłumaczenia, wszystkie języki
stats-series-csv = Wskaźniki projektu według daty
stats-budget-csv = Budżet projektu
stats-json = Pobierz wszystkie statystyki (JSON, { $kb } kB)
stats-publications = Publikacje
stats-publications-intro = Wiadomość i jej tłumaczenie to jedna wiadomość. Liczy się ją w każdym języku, w którym jest dostępna.
stats-by-year = Wiadomości według roku
stats-by-year-caption = Wiadomości według roku publikacji, w każdym języku
stats-by-month = Wiadomości według miesiąca
stats-by-month-caption = Wiadomości według miesiąca publikacji, w każdym języku (miesiące z wiadomościami)
stats-by-project = Wiadomości według projektu
stats-by-project-caption = Wiadomości każdego projektu, w każdym języku
stats-by-tag = Najczęściej używane tagi
stats-by-tag-caption = Wiadomości z każdym z { $count } najczęściej używanych tagów, w każdym języku
stats-totals = Wszystkie i archiwalne wiadomości
stats-totals-caption = Wszystkie wiadomości i wiadomości archiwalne, w każdym języku
stats-year = Rok
stats-month = Miesiąc
stats-project = Projekt
stats-tag = Tag
stats-items = Wiadomości
stats-all = Wszystkie wiadomości
stats-archived = Wiadomości archiwalne
stats-none-yet = Nie ma jeszcze żadnych wiadomości.
stats-translations = Dostępność tłumaczeń
stats-coverage = Przetłumaczone (język: { $language }): { $translated } z { $items } wiadomości ({ $percent }).
stats-coverage-by-year = Przetłumaczone wiadomości według roku (język: { $language })
stats-coverage-by-project = Przetłumaczone wiadomości według projektu (język: { $language })
stats-translated = Przetłumaczone
stats-share = Udział
stats-missing = Do przetłumaczenia (język: { $language })
stats-missing-caption = Wiadomości bez tłumaczenia (język: { $language }), od najnowszej
stats-missing-none = Wszystkie wiadomości są przetłumaczone (język: { $language }).
stats-funding = Finansowanie
stats-funding-intro = Sumy są dokładne i liczone osobno dla każdej waluty: kwot w różnych walutach nigdy się nie dodaje ani nie przelicza. Projekt bez budżetu jest wykazany jako projekt bez budżetu.
stats-funding-by-project = Budżet każdego projektu
stats-funding-by-fund = Budżety według funduszu
stats-funding-by-programme = Budżety według programu
stats-funding-total = Wszystkie projekty razem
stats-fund = Fundusz
stats-programme = Program
stats-currency = Waluta
stats-projects-counted = Projekty
stats-total = Wartość ogółem
stats-co-financing = Dofinansowanie
stats-rate = Poziom dofinansowania
stats-no-budget = nie podano budżetu
stats-without-budget = Projekty bez budżetu
stats-unspecified = nie podano
stats-no-projects = W archiwum nie ma projektów.
stats-indicators = Wskaźniki
stats-indicators-latest = Najnowsza wartość każdego wskaźnika
stats-indicators-latest-caption = Najnowsza podana wartość każdego wskaźnika, według projektu
stats-no-indicators = Nie podano żadnych wskaźników.
stats-indicator-caption = { $indicator }: wartości według daty
stats-as-of = stan na { $date }
stats-project-news = Wiadomości projektu
percent = { $value }{"\u00A0"}%
## Search
search = Szukaj
search-title = Wyszukiwarka
search-box-label = Szukaj w serwisie
search-query-label = Czego szukasz?
search-submit = Szukaj
search-filters = Zawęź wyniki
search-filter-project = Projekt
search-filter-tag = Tag
search-filter-year = Rok
search-filter-status = Stan
search-filter-any = wszystkie
search-status-current = bieżące
search-status-archived = archiwalne
search-results = Wyniki wyszukiwania
search-results-count = Liczba wyników: { $count }
search-no-results = Nic nie znaleziono. Spróbuj innych słów albo usuń filtry.
search-loading = Szukam…
search-failed = Wyszukiwarka nie mogła wczytać indeksu. Przejrzyj archiwum albo indeks tagów.
search-needs-javascript = Wyszukiwarka działa w przeglądarce i potrzebuje JavaScriptu. Bez niego wiadomości znajdziesz w archiwum i w indeksie tagów.
search-needs-server = Ta kopia serwisu jest otwarta z dysku, a przeglądarka nie wczyta z dysku indeksu wyszukiwania: wyszukiwarka działa tylko w serwisie udostępnionym przez serwer WWW. Wiadomości znajdziesz w archiwum i w indeksie tagów.
search-browse-archive = Archiwum według lat
search-browse-tags = Indeks tagów

## Strony BIP: deklaracja dostępności, instrukcja korzystania z serwisu, logo BIP,
## załączniki (docs/maintainer/pages.md, „BIP pages”)
footer-links = Informacje o serwisie
bip-portal = Biuletyn Informacji Publicznej
attachment-size-kb = { $size }{"\u00A0"}kB
attachment-size-mb = { $size }{"\u00A0"}MB
attachment-language = język: { $language }
a11y-title = Deklaracja dostępności
a11y-intro = zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z przepisami ustawy z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy strony internetowej
a11y-published = Data publikacji strony internetowej
a11y-updated = Data ostatniej istotnej aktualizacji
a11y-status-title = Stan dostępności cyfrowej
a11y-status-lead = Strona internetowa jest
a11y-status-full = zgodna
a11y-status-partial = częściowo zgodna
a11y-status-none = niezgodna
a11y-status-tail = z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych{ $status ->
    [full] .
   *[other] {" "}z powodu niezgodności wymienionych poniżej.
  }
a11y-non-accessible = Treści niedostępne i przyczyny
a11y-preparation-title = Przygotowanie deklaracji dostępności
a11y-prepared = Data sporządzenia deklaracji
a11y-contact-title = Informacje zwrotne i dane kontaktowe
a11y-contact-person = Osoba kontaktowa
a11y-contact-email = e-mail
a11y-contact-phone = telefon
a11y-contact-text = W tej sprawie można zgłaszać problemy z dostępnością cyfrową strony, prosić o informację niedostępną w serwisie i składać żądania zapewnienia dostępności.
a11y-procedure-title = Procedura wnioskowo-skargowa
a11y-procedure-right = Każdy może zażądać od nas zapewnienia dostępności cyfrowej tej strony internetowej lub jej elementu. Można też zażądać udostępnienia informacji w inny sposób, na przykład odczytania niedostępnego dokumentu albo opisania zawartości zdjęcia.
a11y-procedure-contents = Żądanie powinno zawierać:
a11y-procedure-item-contact = dane kontaktowe osoby, która je składa,
a11y-procedure-item-element = wskazanie strony internetowej lub jej elementu, którego dotyczy,
a11y-procedure-item-reply = sposób kontaktu, który ta osoba wybiera,
a11y-procedure-item-alternative = jeśli żądanie dotyczy innego sposobu dostępu – sposób dla niej dogodny.
a11y-procedure-deadline = Żądanie spełniamy niezwłocznie, najpóźniej w ciągu 7 dni od dnia jego złożenia. Jeśli w tym czasie nie jest to możliwe, niezwłocznie informujemy, kiedy je spełnimy; ten termin nie może być dłuższy niż 2 miesiące od dnia złożenia żądania. Jeśli zapewnienie dostępności cyfrowej nie jest możliwe, proponujemy inny sposób dostępu do informacji.
a11y-procedure-complaint = Jeśli odmówimy zapewnienia dostępności albo innego sposobu dostępu, osoba, która złożyła żądanie, może złożyć skargę w sprawie zapewnienia dostępności cyfrowej, jak stanowi ustawa z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.
a11y-procedure-ombudsman = Po wyczerpaniu tej procedury można złożyć wniosek do Rzecznika Praw Obywatelskich.
a11y-architecture-title = Dostępność architektoniczna
a11y-architecture-ask = Informacje o dostępności budynku podaje osoba kontaktowa wskazana wyżej.
a11y-apps-title = Aplikacje mobilne
a11y-apps-none = Z serwisem nie są związane żadne aplikacje mobilne.
help-title = Instrukcja korzystania z serwisu
help-intro = Ta strona opisuje, jak znaleźć informacje w serwisie „{ $site }”.
help-nav-title = Nawigacja
help-nav-menu = Menu główne u góry każdej strony prowadzi do głównych działów serwisu:
help-nav-breadcrumb = Pod menu ścieżka nawigacji („{ breadcrumb }”) pokazuje, gdzie w serwisie jest otwarta strona, i prowadzi do stron nadrzędnych.
help-nav-keyboard = Serwis obsłużysz klawiaturą: klawisz Tab przechodzi między linkami, a pierwszy link strony, „{ skip-link }”, pomija menu.
help-nav-languages = Wybór języka u góry strony prowadzi do tej samej strony w innym języku. Jeśli strona nie ma tłumaczenia, serwis mówi o tym i prowadzi do najbliższej strony w tym języku.
help-archive-title = Aktualności, archiwum, projekty i tagi
help-archive-news = Dział „{ news }” pokazuje bieżące wiadomości, od najnowszej. Długie listy mają kolejne strony.
help-archive-years = „{ archive }” to pełny rejestr wszystkich publikacji według lat. Wiadomości, które nie są już aktualne, są oznaczone jako „{ archived }”.
help-archive-projects = Dział „{ projects }” zawiera karty projektów z ich danymi i wiadomościami, a „{ tags }” – wszystkie tematy w porządku alfabetycznym.
help-search-title = Wyszukiwarka
help-search-box = Pole „{ search-box-label }” u góry każdej strony przeszukuje wiadomości, strony i karty projektów w języku otwartej strony. Można pisać bez polskich znaków.
help-search-filters = Wyniki można zawęzić według projektu, tagu, roku oraz wiadomości bieżących albo archiwalnych.
help-stats-title = Statystyki
help-stats = Dział „{ stats }” pokazuje na wykresach i w tabelach liczbę publikacji, tłumaczenia, finansowanie i wskaźniki projektów. Każdą tabelę można pobrać jako plik CSV.
help-feeds-title = Kanał RSS
help-feeds = Nowe wiadomości można śledzić w czytniku kanałów RSS:
help-metadata-title = Metryczka
help-metadata = Pod każdą wiadomością i stroną metryczka podaje, kto wytworzył informację i kiedy, kto ją wprowadził do serwisu i kiedy ją opublikowano.
help-print = Każdą stronę można wydrukować: wydruk zawiera treść, metryczkę i adres strony, bez menu.
help-a11y-title = Dostępność
help-a11y = Stan dostępności cyfrowej serwisu opisuje
help-a11y-print = Tekst można powiększyć powiększeniem przeglądarki (Ctrl i +); układ strony dopasowuje się do wąskich ekranów.
help-contact = W sprawach serwisu prosimy o kontakt: { $editorial }
## Stary adres z zapytaniem, którego nie ma żadna wiadomość (docs/maintainer/pages.md, „Redirects from old addresses”)
alias-not-found-title = Nie znaleziono strony
alias-not-found-text = Pod tym starym adresem nie ma strony: nie ma go żadna wiadomość archiwum. Serwer zamiast błędu pokazuje tę stronę. Poszukaj strony w archiwum albo w wyszukiwarce.
alias-not-found-archive = Archiwum według lat
alias-not-found-search = Wyszukiwarka
alias-known-title = Stare adresy prowadzące do wiadomości
alias-known-text = Jeśli ten adres pochodzi ze starego odnośnika, jego wiadomość może być jedną z tych:
