# Komunikaty samego programu kronika po polsku: pomoc wiersza poleceń, podsumowanie,
# wiersz postępu, wszystkie błędy i ostrzeżenia. (Teksty interfejsu serwisu są w main.ftl.)
#
# Każdy komunikat istnieje też w ../en/cli.ftl, a każdy komunikat używany w kodzie – w obu
# plikach (sprawdza to test). Identyfikatory zaczynają się od obszaru; końcówka `-help`
# oznacza tekst wiersza `= help:`, a `-label` – tekst pod znacznikiem ^^^.
#
# Słów `error`, `warning`, `note` i `help` na początku tych wierszy tu nie ma: zostają
# angielskie w każdym języku, bo edytory i skrypty CI szukają właśnie `error:`.
#
# W odwróconych apostrofach jest to, co użytkownik napisał lub ma wpisać (`projects`,
# `2012-02-15`). Nawias klamrowy zapisuje się jako {"{"} i {"}"}.
# Formy liczby mnogiej (CLDR): one = 1; few = 2–4, 22–24, …; many = 0, 5–21, 25–31, …

## Wiersz poleceń, w stylu clap: bez kropki na końcu (słowa samego clap, np. Usage
## i Options, zostają angielskie)
cli-about = Buduje dwujęzyczny serwis archiwalny w stylu BIP z plików Markdown i YAML
cli-build = Buduje serwis w folderze wynikowym
cli-build-root = Folder serwisu (z plikiem site.yaml i folderem content/)
cli-build-output = Dokąd zapisać serwis (względem --root)
cli-build-base-url = Zastępuje base_url z site.yaml (np. na potrzeby podglądu w CI)
cli-build-offline = Zapisuje względne odnośniki zakończone na index.html, by wynik dało się przeglądać z dysku
cli-build-drafts = Uwzględnia szkice i wiadomości objęte embargiem (z datą w przyszłości)
cli-build-no-search = Pomija indeks wyszukiwania i strony wyszukiwarki (szybszy podgląd)
cli-build-quiet = Wypisuje tylko błędy
cli-build-verbose = Wypisuje też, ile plików ma folder wynikowy i ile z nich się zmieniło

## Podsumowanie budowania; $languages to lista komunikatów build-summary-language.
## Po „Zbudowano” biernik (1 stronę, 2 strony, 5 stron), po „z” dopełniacz
## (1 wiadomości, 5 wiadomości; 1 projektu, 2 projektów).
build-summary = Zbudowano { $pages ->
        [one] { $pages } stronę
        [few] { $pages } strony
       *[many] { $pages } stron
    } ({ $languages }) z { $news } wiadomości i { $projects ->
        [one] { $projects } projektu
       *[many] { $projects } projektów
    } w { $seconds } s{ $warnings ->
        [0] {""}
        [one] , { $warnings } ostrzeżenie
        [few] , { $warnings } ostrzeżenia
       *[many] , { $warnings } ostrzeżeń
    } → { $output }
build-summary-language = { $lang } { $pages }
build-files = { $files ->
        [one] { $files } plik
        [few] { $files } pliki
       *[many] { $files } plików
    } w folderze wynikowym, { $made ->
        [one] { $made } wygenerowany na nowo
        [few] { $made } wygenerowane na nowo
       *[many] { $made } wygenerowanych na nowo
    }, { $changed ->
        [one] { $changed } zmieniony
        [few] { $changed } zmienione
       *[many] { $changed } zmienionych
    }
build-failed = { $errors ->
        [one] { $errors } błąd
        [few] { $errors } błędy
       *[many] { $errors } błędów
    }; niczego nie zapisano ({ $output } pozostaje bez zmian)

## Wiersz postępu w terminalu
progress-loading = Wczytywanie treści…
progress-rendering = Generowanie stron: { $done }/{ $total }
progress-writing = Zapisywanie folderu wynikowego…

## Odrzucone foldery wynikowe (kod wyjścia 2)
output-refused-site = odmowa zapisu do { $output }: to folder serwisu lub folder, który go zawiera – serwis zostałby nadpisany
output-refused-site-help = wskaż folder wynikowy wewnątrz serwisu, np. --output public
output-refused-protected = odmowa zapisu do { $output }: to miejsce wewnątrz folderu { $folder }/ serwisu
output-refused-protected-help = wskaż osobny folder wynikowy, np. --output public
output-refused-file = odmowa zapisu do { $output }: to plik, a nie folder
output-refused-file-help = podaj w --output folder albo usuń ten plik
output-refused-foreign = odmowa zapisu do { $output }: folder nie jest pusty i nie utworzył go program kronika, więc jego pliki mogłyby przepaść
output-refused-foreign-help = wybierz opcją --output pusty lub nowy folder albo, jeśli kronika może zarządzać tym folderem, przejmij go poleceniem `touch { $marker }`

## Błędy odczytu i zapisu (kod wyjścia 3); $error to opis podany przez system
io-open-site-folder = nie można otworzyć folderu serwisu { $path }: { $error }
io-read = nie można odczytać { $path }: { $error }
io-create = nie można utworzyć { $path }: { $error }
io-write = nie można zapisać { $path }: { $error }
io-replace = nie można zastąpić { $path }: { $error }
io-remove-old-staging = nie można usunąć starego folderu tymczasowego { $path }: { $error }
io-create-staging = nie można utworzyć folderu tymczasowego { $path }: { $error }
io-write-marker = nie można zapisać znacznika w { $path }: { $error }
io-move-into-place = nie można przenieść zbudowanego serwisu do { $path }: { $error }
io-write-stdout = nie można pisać do standardowego wyjścia: { $error }

## Zapis zbudowanego serwisu; $reason to jeden z komunikatów write-*
write-failed = nie można zapisać pliku: { $reason }
copy-failed = nie można skopiować pliku: { $reason }
write-system = { $error }
write-same-file = dwa wyniki miałyby trafić do tego samego pliku { $path }
write-outside = odmowa zapisu poza folderem wynikowym: { $path }
write-thread-failed = jeden z wątków generowania stron zawiódł

## Szablony (Tera) i pliki Fluent serwisu; $detail to opis podany przez bibliotekę
template-syntax = błąd składni szablonu: { $detail }
template-syntax-help = składnia Tera 2: {"{{"} wartość {"}}"}, {"{%"} znacznik {"%}"}; zobacz rozdział „Templates” w pliku docs/maintainer/themes.md w repozytorium kroniki
template-invalid = szablon zawiera błąd
render-failed = nie można wygenerować { $target }
search-index-failed = nie można zbudować indeksu wyszukiwania: { $reason }
template-detail-help = komunikat silnika szablonów: { $detail }
fluent-syntax = błąd składni Fluent: { $detail }
fluent-syntax-help = składnię komunikatów opisuje https://projectfluent.org/fluent/guide/
fluent-too-deep = wyrażenia zagnieżdżone głębiej niż { $limit } poziomy
fluent-too-deep-help = żaden komunikat nie potrzebuje tak głębokiego zagnieżdżenia; Fluent nie odczytałby go bezpiecznie, więc plik nie jest czytany

## Pliki
file-read-failed = nie można odczytać pliku: { $error }
file-not-utf8 = plik nie jest zapisany w UTF-8 (niepoprawny bajt w wierszu { $line })
file-not-utf8-help = zapisz plik w edytorze w kodowaniu UTF-8 (nie udało się rozpoznać jego kodowania)
file-legacy-encoding = plik jest zapisany w kodowaniu { $encoding }, a nie UTF-8
file-legacy-encoding-help = przekonwertuj go na UTF-8: iconv -f { $iconv } -t UTF-8 '{ $path }' -o '{ $path }.utf8' && mv '{ $path }.utf8' '{ $path }'
file-empty = plik jest pusty

## YAML: site.yaml, pliki projektów i nagłówki wiadomości
yaml-invalid = niepoprawny YAML: { $detail }
yaml-tabs-help = wcięcia w YAML robi się spacjami; zamień tabulatory na spacje
yaml-unknown-key = nieznany klucz `{ $key }`
did-you-mean-label = czy chodziło o `{ $suggestion }`?
yaml-known-keys-help = znane klucze: { $keys }
yaml-decimal-comma-label = czy to część dziesiętna liczby zapisanej z przecinkiem?
yaml-decimal-comma-help = wewnątrz {"{"} {"}"} przecinek oddziela klucze: kwoty zapisuj w cudzysłowie i z kropką, np. amount: "12.50"
yaml-missing-key = brak wymaganego klucza `{ $key }`
yaml-missing-key-help = dodaj wiersz `{ $key }: …`
yaml-too-large = plik YAML jest zbyt duży lub zbyt głęboko zagnieżdżony, by bezpiecznie go odczytać
yaml-too-large-help = kronika przerywa odczyt po osiągnięciu limitu, który ogranicza zużycie pamięci; podziel plik na mniejsze albo sprawdź aliasy (`*nazwa`) powtarzające duże fragmenty
yaml-duplicate-key = klucz `{ $key }` występuje dwukrotnie
yaml-duplicate-unnamed-key = jeden z kluczy występuje dwukrotnie
yaml-duplicate-key-help = każdy klucz może wystąpić tylko raz; usuń jedno z wystąpień
yaml-wrong-type = nieodpowiedni rodzaj wartości (oczekiwano: { $expected }; podano: { $found })
yaml-expected-here = w tym miejscu oczekiwano: { $expected }
yaml-expected-text = tekst
yaml-expected-boolean = true lub false
yaml-expected-list = lista
yaml-expected-mapping = klucze z wartościami
yaml-expected-number = liczba całkowita
yaml-expected-date = data w formacie RRRR-MM-DD
yaml-expected-amount = kwota w cudzysłowie, z kropką dziesiętną, np. "46974038.58"
yaml-expected-translated = tekst albo osobny tekst dla każdego języka, np. {"{"}pl: "…", en: "…"{"}"}
yaml-found-text = tekst „{ $value }”
yaml-found-number = liczba { $value }
yaml-found-boolean = wartość { $value }
yaml-found-list = lista
yaml-found-mapping = klucze z wartościami
yaml-found-empty = pusta wartość
yaml-not-a-language = `{ $value }` nie jest kodem języka; użyj dwuliterowego kodu ISO 639, np. `pl` lub `en`
yaml-not-a-language-key = `{ $value }` nie jest kodem języka; użyj kodów z `languages:`, np. `pl` lub `en`
yaml-language-twice = język `{ $lang }` podano dwukrotnie
yaml-not-a-date = `{ $value }` nie jest datą; zapisz ją w formacie RRRR-MM-DD, np. 2012-02-15
yaml-not-a-currency = `{ $value }` nie jest kodem waluty; użyj trzyliterowego kodu ISO 4217, np. PLN lub EUR
yaml-amount-with-comma = `{ $value }` nie jest kwotą: część dziesiętną oddziel kropką i nie grupuj cyfr, np. "{ $suggestion }"
yaml-not-an-amount = `{ $value }` nie jest kwotą; zapisz cyfry z kropką przed groszami, np. "12.50"
yaml-amount-as-float = kwotę { $value } zapisano jako liczbę z częścią ułamkową; ujmij ją w cudzysłów ("{ $value }"), aby żaden grosz nie zginął w obliczeniach zmiennoprzecinkowych

## site.yaml
config-missing = w folderze serwisu nie ma pliku site.yaml
config-missing-help = uruchom program kronika w folderze z plikiem site.yaml albo podaj --root { $root }; `kronika init` tworzy nowy serwis z plikiem site.yaml
config-bad-base-url = `{ $url }` nie nadaje się na bazowy adres URL
config-bad-base-url-help = wpisz pełny adres, pod którym serwis będzie dostępny, np. https://example.org/archiwum/
config-language-twice = język `{ $lang }` występuje na liście dwukrotnie
config-default-language-not-listed = domyślnego języka `{ $lang }` nie ma w `languages`
config-default-language-not-listed-help = dodaj `{ $lang }` do `languages`
title-not-in-default-language = `title` nie ma tekstu w domyślnym języku `{ $lang }`
config-title-language-not-listed = `title` podano w języku `{ $lang }`, którego nie ma w `languages`
config-locale-language-not-listed = `locales` wymienia język `{ $lang }`, którego nie ma w `languages`
config-bad-locale = `{ $tag }` nie jest znacznikiem ustawień regionalnych
config-bad-locale-help = wpisz znacznik BCP 47: język i region, np. pl-PL lub en-GB
config-bad-theme = `{ $theme }` nie jest nazwą motywu
config-bad-theme-help = motyw to folder w themes/; jego nazwa może zawierać małe litery, cyfry i łączniki

## Wyszukiwanie plików treści
content-missing = nie ma folderu content/
content-missing-help = wiadomości umieszcza się w content/news/, projekty w content/projects/, strony w content/pages/
content-read-failed = nie można odczytać: { $error }
content-name-clash = ta nazwa różni się od `{ $other }` tylko wielkością liter lub normalizacją Unicode
content-name-clash-help = w systemach Windows i macOS byłby to jeden plik; zmień nazwę jednego z nich albo go usuń
content-unknown-file = kronika nie wie, czym jest ten plik, więc go pomija
content-unknown-file-help = wiadomości umieszcza się w content/news/, pliki projektów (.yaml) w content/projects/, strony w content/pages/
content-no-language-suffix = w nazwie pliku brakuje kodu języka
content-no-language-suffix-help = nazwij go `{ $stem }.{ $lang }.md` (lub użyj innego języka z site.yaml: { $languages })
content-language-not-in-site = `{ $lang }` nie jest językiem tego serwisu
content-language-not-in-site-help = site.yaml wymienia języki: { $languages }; zmień nazwę pliku albo dodaj `{ $lang }` do `languages`
content-extra-file-in-folder = w folderze wiadomości czytany jest tylko plik index.<język>.md; ten plik jest pomijany
content-extra-file-in-folder-help = zmień jego nazwę na index.{ $lang }.md albo przenieś go do content/news/

## Nagłówek YAML wiadomości i strony (front matter)
front-matter-no-text = plik ma nagłówek (front matter), ale nie ma treści
front-matter-no-text-label = treść umieszcza się pod tym wierszem
front-matter-no-text-help = wpisz treść pod zamykającym `---`; aby nieukończona wiadomość nie trafiła do serwisu, dodaj `draft: true`
front-matter-missing = plik nie zaczyna się od nagłówka YAML (front matter)
front-matter-missing-help = zacznij plik wierszem `---`, potem wpisz klucze YAML (`title:`, `date:`, …) i zamknij je kolejnym wierszem `---`
front-matter-empty-file-help = wiadomość zaczyna się wierszem `---`, po nim są wiersze `title:` i `date:`, znowu `---`, a dalej tekst
front-matter-not-closed = nagłówek YAML (front matter) nie jest zamknięty
front-matter-opened-label = tu się zaczyna
front-matter-not-closed-help = dodaj wiersz `---` po ostatnim kluczu YAML, przed tekstem
item-title-help = dodaj do nagłówka wiersz `title: "…"`
item-date-help = dodaj datę publikacji, np. `date: 2012-02-15`
page-key-not-used = klucz `{ $key }` nie jest używany na stronach samodzielnych
page-key-not-used-help = usuń ten wiersz; do projektów i archiwum należą tylko wiadomości

## Projekty
project-bad-id = `{ $stem }` nie może być identyfikatorem projektu
project-bad-id-help = identyfikator projektu to nazwa jego pliku, używana w adresach URL: zmień nazwę pliku na `{ $suggestion }.yaml`
project-empty = plik projektu jest pusty
project-empty-help = projekt musi mieć co najmniej `title: {"{"}pl: "…"{"}"}`
project-title-help = zapisz go jako `title: {"{"}{ $lang }: "…"{"}"}`
project-unknown-funding-source = kronika nie tłumaczy źródła finansowania `{ $source }`
project-unknown-funding-source-help = znane źródła: { $known }; inne są wyświetlane tak, jak je zapisano
project-unknown = projekt `{ $id }` nie istnieje
project-known-help = znane projekty: { $known }
project-none-help = nie ma żadnych projektów: dodaj content/projects/<id>.yaml

## Statystyki: sumy kwot w jednej walucie, których nie da się dodać dokładnie
stats-sum-overflow = suma kwot wszystkich projektów w { $currency } jest zbyt duża, by dodać ją dokładnie
stats-sum-overflow-help = kwoty są dodawane jako dokładne liczby dziesiętne o najwyżej 28 cyfrach; sprawdź, czy kwoty w tym pliku nie mają zbędnych cyfr

## Tagi, slugi, adresy URL i aliasy
tag-no-slug = w tagu `{ $tag }` nie ma liter ani cyfr, z których powstałby adres URL
tag-no-slug-help = użyj jako tagu słowa, np. `EFS` lub `dobre praktyki`
title-too-long = tytuł ma { $length } znaków; kronika dopuszcza najwyżej { $max }
title-too-long-help = tytuł powtarza się na każdej liście i stronie tagu, która pokazuje wiadomość, dlatego musi być krótki; resztę przenieś do `summary:` albo do tekstu
tag-too-long = tag ma { $length } znaków; kronika dopuszcza najwyżej { $max }
tag-too-long-help = tag jest nazwą strony i powtarza się przy każdej wiadomości, która go ma; użyj kilku słów, np. „dobre praktyki”
slug-invalid = `{ $slug }` nie jest poprawnym slugiem
slug-invalid-help = slug to jeden segment adresu URL złożony z małych liter, cyfr i łączników, np. `{ $suggestion }`
name-gives-no-url = z nazwy `{ $name }` nie da się utworzyć adresu URL
name-gives-no-url-help = zmień nazwę pliku tak, by zawierała litery lub cyfry, albo ustaw w nagłówku `slug:`
page-url-reserved = strona zajęłaby adres /{ $slug }/, którego serwis używa dla własnych stron
page-url-reserved-help = ustaw w nagłówku inny `slug:`
url-taken = dwa pliki zostałyby opublikowane pod adresem /{ $path }
url-taken-help = { $other } ma ten sam adres; nadaj jednemu z nich inny `slug:` (lub alias)
alias-takes-generated-page = alias `{ $alias }` zastąpiłby { $file }, stronę generowaną przez kronikę
alias-takes-generated-page-help = podaj stary adres dokładnie taki, pod jakim był opublikowany; własnych stron kroniki nie można przekierować
static-takes-generated-page = ten plik zastąpiłby { $file }, który generuje kronika
static-takes-generated-page-help = zmień nazwę pliku albo go przenieś; aby zmienić generowaną stronę, nadpisz jej szablon w themes/<motyw>/templates/
alias-takes-copied-file = alias `{ $alias }` zastąpiłby { $file }, plik kopiowany przez kronikę z { $source }
output-file-and-folder = { $file } musiałby być jednocześnie plikiem i folderem: w środku miałby się znaleźć { $other }
output-reserved = `{ $path }` to ścieżka, której żadna witryna nie może opublikować: nazwy zaczynające się od `.` (`.git/`, znacznik kroniki `.kronika-output`) należą do narzędzi i do samej kroniki
output-reserved-help = spośród takich nazw publikowany jest tylko folder `.well-known/`; nadaj aliasowi lub plikowi inną nazwę
alias-takes-foreign = alias `{ $alias }` zastąpiłby { $foreign } w folderze wynikowym, a tego kronika nie wygenerowała
output-takes-foreign = { $file } zastąpiłby { $foreign } w folderze wynikowym, a tego kronika nie wygenerowała
output-foreign-help = kronika nigdy nie usuwa tego, czego sama nie zapisała: przenieś { $foreign } poza folder wynikowy albo usuń, jeśli nowy plik ma zająć jego miejsce
alias-invalid = alias `{ $alias }` nie jest ścieżką w tym serwisie
alias-invalid-help = zapisz stary adres jako ścieżkę zaczynającą się od `/`, np. /index.php?id=440

## Języki bez własnych tekstów interfejsu
i18n-language-without-messages = język `{ $lang }` nie ma własnych tekstów interfejsu: jego strony mają etykiety angielskie
i18n-language-without-messages-help = dodaj plik i18n/{ $lang }/main.ftl z komunikatem `language-name` i tekstami do przetłumaczenia (wszystkie wymienia wbudowany i18n/en/main.ftl)
i18n-bad-locale = `{ $tag }` nie jest oznaczeniem lokalizacji, więc daty i liczby mają neutralną postać CLDR
i18n-bad-locale-help = wpisz oznaczenie BCP 47 z łącznikiem, np. `locale = en-GB`

## Dowiązania symboliczne: kronika nie czyta niczego spoza serwisu
symlink-broken = dowiązanie symboliczne do `{ $target }` nie prowadzi do żadnego pliku albo tworzy pętlę
symlink-outside-site = dowiązanie symboliczne do `{ $target }` prowadzi poza folder serwisu
symlink-to-folder = dowiązanie symboliczne do `{ $target }` prowadzi do folderu
symlink-help = kronika podąża tylko za dowiązaniami do plików wewnątrz serwisu; skopiuj plik tutaj zamiast go dowiązywać
symlink-not-published = dowiązanie symboliczne do `{ $target }` prowadzi poza to, co publikuje budowanie
symlink-not-published-help = dowiązanie może prowadzić tylko do pliku, który budowanie i tak publikuje: w content/, static/ albo themes/{ $theme }/static/, i nigdy do pliku ani folderu, których nazwa zaczyna się od kropki (.git, .env)
symlink-not-read = dowiązanie symboliczne do `{ $target }` prowadzi poza to, co kronika może przez nie czytać
symlink-not-read-help = szablon może wskazywać tylko plik w themes/, plik Fluent tylko plik w i18n/, a site.yaml tylko plik obok siebie; nigdy plik ani folder, których nazwa zaczyna się od kropki (.git, .env)

## Załączniki
attachment-not-a-name = załącznik `{ $name }` nie jest nazwą pliku z folderu wiadomości
attachment-not-a-name-help = umieść plik obok wiadomości (content/news/<nazwa>/) i podaj tylko jego nazwę
attachment-missing = brak załącznika `{ $name }`
attachment-missing-help = umieść plik w { $folder }/ albo popraw nazwę

## Zdjęcia w treści (photos.rs); $name to adres zapisany w treści
photo-missing = brak obrazu `{ $name }`
photo-missing-help = umieść zdjęcie w { $folder }/ albo popraw nazwę
photo-outside = obraz `{ $name }` nie leży w folderze wiadomości
photo-outside-help = umieść zdjęcie w { $folder }/ obok wiadomości i podaj samą nazwę pliku, np. ![Goście z Wilna](wizyta.jpg); obrazy wspólne dla wielu stron umieść w static/ i podaj ich ścieżkę w serwisie, np. /obrazki/logo.png
photo-unsupported = obraz `{ $name }` nie jest plikiem JPEG ani PNG
photo-unsupported-help = kronika zmniejsza i publikuje zdjęcia JPEG (.jpg, .jpeg) i PNG (.png); zapisz go w jednym z tych formatów
photo-not-an-image = `{ $name }` nie jest obrazem: jego treść nie jest ani JPEG-iem, ani PNG
photo-not-an-image-help = plik może być stroną internetową lub innym dokumentem zapisanym pod nazwą obrazu; wyeksportuj zdjęcie ponownie z aparatu lub programu graficznego
photo-too-large = obraz `{ $name }` jest za duży: { $width } × { $height } pikseli
photo-too-large-help = kronika wczytuje zdjęcia o boku najwyżej { $max } pikseli i najwyżej { $megapixels } megapikseli; zmniejsz je przed dodaniem
photo-unreadable = nie można odczytać obrazu `{ $name }`: { $detail }
photo-unreadable-help = plik może być uszkodzony lub niekompletny; skopiuj go ponownie ze źródła
photo-no-alt = obraz bez tekstu alternatywnego
photo-no-alt-help = opisz, co przedstawia zdjęcie, dla osób, które go nie widzą: ![Goście z Wilna w sali konferencyjnej](wizyta.jpg); jeśli obraz jest czysto dekoracyjny, oznacz go pustym tytułem: ![](ozdobnik.png "")

## site.yaml: images
config-bad-images = klucz `images` ma nieprawidłową wartość
config-bad-images-help = widths to niepusta lista liczb całkowitych od 16 do 8000 (np. [480, 800, 1200]), a quality to liczba całkowita od 1 do 100

## Odnośniki do innych treści (@/…)
link-missing = odnośnik do nieistniejącego pliku `@/{ $target }`
link-to-draft = odnośnik do szkicu `@/{ $target }`, który nie został opublikowany
link-to-embargoed = odnośnik do `@/{ $target }` – wiadomość jest objęta embargiem do { $date } i nie została opublikowana
link-help = podaj ścieżkę pliku treści względem folderu content/, np. @/news/2012-02-15-mops-wyrozniony.pl.md lub @/projects/pora-na-aktywnosc.yaml

## ── Kod HTML w treści Markdown (markdown.rs, sanitize.rs) ───────────────────────────────
## Co usuwa filtr kodu HTML, jedno ostrzeżenie na rodzaj; $tag to nazwa elementu bez <>
html-removed-element = usunięto z kodu HTML element `<{ $tag }>` wraz z całą zawartością
html-removed-tag = usunięto z kodu HTML znaczniki `<{ $tag }>`; tekst między nimi pozostaje
html-removed-attribute = usunięto atrybut `{ $attribute }` z `<{ $tag }>`
html-removed-url = usunięto adres `{ $url }` z `<{ $tag }>`
html-removed-other-kinds = usunięto stąd dalej jeszcze { $count } { $count ->
        [one] fragment
        [few] fragmenty
       *[many] fragmentów
    } kodu HTML innych rodzajów (rodzajów: { $kinds })
html-removed-other-kinds-help = w pliku jest więcej rodzajów usuwanego kodu HTML, niż pokazuje się osobno; usuń te powyżej i zbuduj serwis ponownie, aby zobaczyć kolejne
html-more-on-this-line-label = i jeszcze { $count } w tym wierszu
html-more-label = i jeszcze { $count } w { $lines_count ->
        [one] wierszu
       *[other] wierszach
    } { $lines }
## Kod HTML zagnieżdżony głębiej, niż parser czyta w czasie proporcjonalnym do długości; $max to 512
html-too-deep = elementy są zagnieżdżone głębiej niż na { $max } poziomów
html-too-deep-help = zamknij każdy otwierany element, np. każdy <div> znacznikiem </div>: strona mieści najwyżej { $max } elementów jeden w drugim
html-script-help = mógłby uruchomić skrypt w przeglądarce czytelnika; strony serwisu działają bez skryptów, więc usuń go z pliku
html-embed-help = wyświetliłby na stronie inną witrynę lub program; zamiast tego wstaw odnośnik, np. [tytuł](https://…)
html-page-help = zmieniłby całą stronę, a nie tylko ten tekst; o wyglądzie stron decyduje motyw
html-form-help = formularz mógłby wysyłać to, co wpiszą czytelnicy, do innej witryny, a strona archiwum niczego nie zbiera; wstaw odnośnik do strony z formularzem
html-style-help = style wpisane w treść nie są zachowywane: kolory, kroje i wielkość pisma ustala motyw, dzięki czemu każda strona jest czytelna i dobrze się drukuje; do wyróżnień użyj Markdownu (**pogrubienie**, *kursywa*)
html-data-url-help = adres data: umieszcza w stronie cały plik; zapisz plik w folderze wiadomości, dodaj go do `attachments` i podaj jego nazwę jako adres
html-scheme-help = zachowywane są tylko adresy http:, https:, mailto: i tel: oraz adresy w obrębie serwisu
html-invalid-url-help = to nie jest poprawny adres; sprawdź go, np. https://example.org/strona
html-unsupported-help = zachowywany jest tylko kod HTML formatujący tekst: akapity, nagłówki, listy, tabele, odnośniki, obrazy, wyróżnienia itp.; zapisz to w Markdownie albo za pomocą jednego z tych elementów
## Serwis, którego site.yaml ustawia `markdown: {raw_html: error}`
html-raw-not-allowed = kod HTML nie jest dozwolony w tym serwisie
html-raw-not-allowed-help = zapisz to w Markdownie; site.yaml tego serwisu nie dopuszcza kodu HTML (`markdown: {"{"}raw_html: error{"}"}`)
config-bad-raw-html = `{ $value }` nie jest ustawieniem `raw_html`: wpisz `allow` (niebezpieczne fragmenty są usuwane z ostrzeżeniem) albo `error` (kod HTML jest błędem)
## ── koniec: kod HTML ────────────────────────────────────────────────────────────────────

## kronika serve
cli-serve = Podgląd serwisu: buduje go w pamięci, udostępnia na tym komputerze i przebudowuje po każdej zmianie pliku
cli-serve-port = Port, na którym podgląd nasłuchuje
cli-serve-bind = Adres, na którym podgląd nasłuchuje (0.0.0.0 otwiera go dla sieci)
serve-listening = Podgląd { $root } pod adresem { $url } (Ctrl-C kończy)
serve-public = podgląd może otworzyć każdy komputer, który dociera do { $addr }: używaj tego tylko w zaufanej sieci
serve-built = Zbudowano { $files ->
        [one] { $files } plik
        [few] { $files } pliki
       *[many] { $files } plików
    } w { $ms } ms
serve-rebuilt = { $sources ->
        [one] Zmienił się { $sources } plik
        [few] Zmieniły się { $sources } pliki
       *[many] Zmieniło się { $sources } plików
    } serwisu → wygenerowano ponownie { $rendered ->
        [one] { $rendered } plik
        [few] { $rendered } pliki
       *[many] { $rendered } plików
    } (zmienionych: { $changed }) w { $ms } ms
serve-failed = { $errors ->
        [one] { $errors } błąd
        [few] { $errors } błędy
       *[many] { $errors } błędów
    }: podgląd pokazuje ostatnią dobrą wersję; popraw plik, a przebuduje się sam
serve-overlay-title = kronika: ostatniej zmiany nie da się zbudować. Pod listą błędów jest ostatnia dobra wersja strony; popraw plik, a strona odświeży się sama.
serve-port-taken = port { $port } na { $addr } zajmuje inny program
serve-port-taken-help = wybierz inny port: „kronika serve --port { $next }”
serve-cannot-listen = nie można nasłuchiwać na { $addr }: { $error }
serve-cannot-listen-help = `--bind` przyjmuje adres tego komputera (127.0.0.1, domyślnie, albo 0.0.0.0 dla każdej sieci), a `--port` wolny port
serve-cannot-watch = nie można śledzić zmian w { $path }: { $error }
serve-watch-failed = śledzenie zmian: { $reason }
serve-build-failed = { $reason }

## ── Strony BIP: deklaracja dostępności, logo BIP, oznaczenie UE ─────────────────────────
a11y-bad-status = `{ $value }` nie jest stanem dostępności: wpisz `full`, `partial` albo `none`
a11y-needs-list = `accessibility:` ma stan `{ $status }`, ale nie ma listy `non_accessible:` z tym, co jest niedostępne, i przyczynami
a11y-needs-list-help = deklaracja musi wymienić każdą niezgodność: dodaj `non_accessible: [{"{"}pl: "…", en: "…"{"}"}]` w `accessibility:`
a11y-full-with-list = `accessibility:` ma stan `full` i listę `non_accessible:`: w pełni zgodny serwis nie ma czego wymieniać
a11y-full-with-list-help = wpisz `status: partial`, jeśli coś jest niedostępne, albo usuń `non_accessible:`
a11y-blank = `accessibility:` zawiera pusty tekst (`name` osoby kontaktowej albo pozycję `non_accessible:`)
bip-bad-portal = `{ $url }` nie jest adresem strony internetowej
bip-bad-portal-help = wpisz adres głównej strony BIP z https://, np. https://www.gov.pl/web/bip
logo-missing = logo `{ $file }` nie jest plikiem z folderu static/ serwisu
logo-missing-help = umieść plik w static/{ $file } (kronika łączy tylko pliki publikowane przez sam serwis, nigdy z innych stron) albo popraw nazwę
logo-no-alt = logo nie ma tekstu `alt:`
logo-no-alt-help = opisz logo w każdym języku, np. `alt: {"{"}pl: "Biuletyn Informacji Publicznej", en: "Public Information Bulletin"{"}"}`
eu-marking-blank = `eu_marking:` ma pusty `statement:`
page-takes-statement = strona zajęłaby adres /{ $path }, pod którym kronika zapisuje deklarację dostępności utworzoną z `accessibility:` w site.yaml
page-takes-statement-help = zachowaj fakty deklaracji w `accessibility:` w site.yaml i usuń ten plik albo nadaj stronie inny `slug:`
## ── koniec: strony BIP ──────────────────────────────────────────────────────────────────
## kronika check
cli-check = Sprawdź serwis tak jak budowanie, i więcej (odnośniki, dostępność treści, uwagi redakcyjne), niczego nie zapisując
cli-check-strict = Traktuj ostrzeżenia jak błędy (kod wyjścia 1)
cli-check-external = Sprawdź też przez sieć każdy odnośnik do innej witryny (martwe są ostrzeżeniami)
cli-check-format = Jak wypisać wyniki: text albo json (jeden obiekt w wierszu)
check-summary = { $errors ->
        [0] Brak błędów
        [one] { $errors } błąd
        [few] { $errors } błędy
       *[many] { $errors } błędów
    }, { $warnings ->
        [0] brak ostrzeżeń
        [one] { $warnings } ostrzeżenie
        [few] { $warnings } ostrzeżenia
       *[many] { $warnings } ostrzeżeń
    }; niczego nie zapisano
check-heading-skip = nagłówek poziomu { $level } po poziomie { $previous }: pominięto poziom
check-heading-skip-help = użytkownicy czytników ekranu poruszają się po stronie według poziomów nagłówków; zmień ten nagłówek na `{ $hashes }`, o jeden poziom niżej niż poprzedni
check-link-empty-text = odnośnik bez tekstu
check-link-empty-text-help = wpisz w nawiasach kwadratowych, dokąd prowadzi odnośnik, np. [Sprawozdanie 2012](sprawozdanie.pdf): czytnik ekranu odczytuje tylko ten tekst
check-table-header = tabela bez wiersza nagłówka
check-table-header-help = pierwszy wiersz tabeli w Markdownie jest jej nagłówkiem: nazwij w nim każdą kolumnę, aby czytnik ekranu mógł powiedzieć, do której kolumny należy komórka
check-link-file-missing = odnośnik do „{ $target }”, który nie istnieje
check-link-file-missing-help = odnośnik względny prowadzi od folderu wiadomości: sprawdź nazwę pliku albo odwołaj się do strony serwisu przez @/…
check-link-dead = odnośnik do { $url } nie działa: { $reason }
check-link-dead-help = witryna mogła się przenieść albo zniknąć: podaj jej nowy adres albo kopię w Internet Archive (web.archive.org), albo usuń odnośnik
check-dead-unchecked = nie sprawdzono
check-dead-status = serwer odpowiada kodem { $status }
check-dead-timeout = brak odpowiedzi w ciągu { $seconds } s
check-dead-failed = { $error }
check-no-translation = brak tłumaczenia: { $langs } (jedna z { $count ->
        [one] { $count } wiadomości
       *[many] { $count } wiadomości
    } bez tłumaczenia)
check-no-translation-help = utwórz { $file } z kluczem `title:` i przetłumaczonym tekstem; pozostałe pola przejmie z tego pliku, np. `kronika new news "…" --translation-of <nazwa>`
check-metryczka-missing = w metryczce brakuje: { $keys }
check-metryczka-missing-help = strona BIP podaje, kiedy informację wytworzono, kto ją wytworzył i kto opublikował: dodaj `produced:`, `produced_by:` i `published_by:`
check-project-unused = żadna wiadomość nie wskazuje projektu „{ $id }”
check-project-unused-help = wpisz go w nagłówku wiadomości o nim: `projects: [{ $id }]`
check-tag-once = tag „{ $tag }” ma tylko ta wiadomość
check-tag-once-help = tag grupuje wiadomości: sprawdź, czy inny tag nie znaczy tego samego
check-tag-once-nearest-help = tamten tag ma { $count ->
        [one] { $count } wiadomość
        [few] { $count } wiadomości
       *[many] { $count } wiadomości
    }; tagi różniące się tylko wielkością liter, spacjami lub łącznikami są jednym tagiem
check-embargo-far = data { $date } przypada za ponad rok: do tego dnia wiadomość nie zostanie opublikowana
check-embargo-far-help = data z przyszłości oznacza embargo; sprawdź rok
check-uncommitted = `{ $file }` ma niezatwierdzone zmiany: nie ma ich jeszcze w rejestrze zmian
check-untracked = `{ $file }` nie został jeszcze zatwierdzony w repozytorium: jego rejestr zmian pozostaje pusty, dopóki tego nie zrobisz
check-uncommitted-help = rejestr zmian powstaje z historii gita: zatwierdź zmianę z opisem, co się zmieniło (git commit), a CI opublikuje ją razem z rejestrem

## kronika new
cli-new = Utwórz nową wiadomość, tłumaczenie albo kartę projektu z wypełnionym nagłówkiem
cli-new-news = Utwórz nową wiadomość (albo, z --translation-of, jej tłumaczenie)
cli-new-news-title = Tytuł wiadomości; z niego powstaje nazwa pliku
cli-new-news-lang = Język wiadomości (domyślnie: domyślny język serwisu)
cli-new-news-folder = Utwórz wiadomość jako folder (<nazwa>/index.<język>.md), na załączniki i zdjęcia
cli-new-news-translation-of = Utwórz tłumaczenie wiadomości o nazwie NAME, z samym tytułem
cli-new-project = Utwórz kartę projektu z każdym kluczem pokazanym i opisanym
cli-new-project-id = Identyfikator projektu: małe litery, cyfry i łączniki, używany w adresie
new-body-placeholder = Tu wpisz treść wiadomości.
new-exists = plik już istnieje; kronika new nigdy nie nadpisuje plików
new-exists-help = popraw ten plik albo wybierz inny tytuł
new-empty-slug = w tytule „{ $title }” nie ma liter ani cyfr, z których powstałaby nazwa pliku
new-empty-slug-help = podaj tytuł ze słowami, np. kronika new news "Spotkanie w Łodzi"
new-unknown-item = nie ma wiadomości o nazwie „{ $name }”
new-unknown-item-help = podaj nazwę pliku wiadomości bez przyrostka języka, np. „{ $nearest }”
new-unknown-item-none-help = serwis nie ma jeszcze żadnej wiadomości: najpierw napisz oryginał, np. `kronika new news "Tytuł"`
new-unknown-language = `{ $lang }` nie jest językiem tego serwisu
new-unknown-language-help = języki serwisu: { $languages }
new-bad-project-id = „{ $id }” nie może być identyfikatorem projektu
new-bad-project-id-help = identyfikator projektu jest częścią adresu: użyj małych liter, cyfr i łączników, np. „{ $suggestion }”

## kronika init
cli-init = Utwórz nowy serwis, który od razu się buduje, z plikami CI dla GitHub Pages i GitLab Pages
cli-init-dir = Folder nowego serwisu (nieistniejący albo pusty)
cli-init-lang = Domyślny język serwisu: pl albo en
init-not-empty = odmowa utworzenia serwisu w { $dir }: folder nie jest pusty
init-not-empty-help = podaj nowy albo pusty folder, np. kronika init moj-serwis
init-done = Utworzono nowy serwis w { $dir } ({ $files ->
        [one] { $files } plik
        [few] { $files } pliki
       *[many] { $files } plików
    }). Dalej: cd { $dir } && kronika serve

## kronika completions
cli-completions = Wypisz podpowiedzi powłoki dla kroniki
cli-completions-shell = Powłoka: bash, zsh, fish, powershell albo elvish
## Rejestr zmian (history.rs, content/register.rs)
history-shallow = strona jest w płytkim klonie (shallow clone) repozytorium git, więc rejestry zmian byłyby niepełne: zostają pominięte (pokazane jest tylko `changes:` z nagłówków)
history-shallow-help = przed budowaniem pobierz całą historię: `fetch-depth: 0` w actions/checkout (GitHub Actions), `GIT_DEPTH: 0` w .gitlab-ci.yml (GitLab CI) albo `git fetch --unshallow`
history-failed = nie można odczytać historii git, więc rejestry zmian pochodzą tylko z `changes:` w nagłówkach: { $error }
history-failed-help = uruchom `git log -- content` w folderze strony, aby zobaczyć problem; kronika potrzebuje gita 2.25 lub nowszego
changes-after-git = ta zmiana ({ $date }) jest późniejsza niż pierwszy commit pliku ({ $first }): zostaje pominięta w rejestrze, który od tej chwili tworzy historia git
changes-after-git-help = `changes:` służy do opisania tego, co działo się przed pierwszym commitem pliku; późniejsze zmiany rejestrują ich commity, więc usuń ten wpis
config-bad-repository = `{ $url }` nie jest adresem repozytorium
config-bad-repository-help = wpisz adres internetowy repozytorium strony, np. https://github.com/mops/archiwum; kronika łączy każdą zmianę z <repozytorium>/commit/<id> albo wstawia id tam, gdzie adres ma `{"{"}commit{"}"}`
## Błędy, na które trafia nowy redaktor (docs/maintainer/cli.md, „Errors and warnings”)
yaml-amount-with-currency = `{ $value }` nie jest kwotą: wpisz same cyfry, część dziesiętną oddziel kropką i nie grupuj cyfr, np. "{ $suggestion }", a walutę podaj w `currency: { $currency }`
yaml-list-help = listę zapisuje się w nawiasach kwadratowych: `{ $example }`
yaml-key-reads-as-text-label = to wygląda na tekst, nie na klucz
yaml-key-reads-as-text-help = nagłówek YAML (front matter) prawdopodobnie nie został zamknięty: dodaj wiersz `---` po ostatnim kluczu YAML, przed tekstem
translation-without-original = nie ma oryginału `{ $original }` tego tłumaczenia
translation-nearest-original = czy chodziło o `{ $nearest }`? Tłumaczenie ma nazwę pliku oryginału z własnym kodem języka
link-fragment-missing = odnośnik do `@/{ $target }`: na stronie nie ma elementu o identyfikatorze `{ $fragment }`
link-fragment-missing-help = `#fragment` wskazuje identyfikator na stronie docelowej: śródtytułu (jego tekst małymi literami, z łącznikami) albo na karcie projektu `#card`, `#funding`, `#indicators` lub `#project-news`

## The last line of every command's help: where the guide is (no public address yet)
cli-guide = Przewodnik: docs/pl/README.md w repozytorium kroniki (po angielsku: docs/en/README.md)
