# English UI strings of the built-in theme. A site overrides any message by putting a
# message with the same id into its own i18n/en/*.ftl.

## URL segments (DESIGN.md's URL table). Languages without their own fall back to these.
url-news = news
url-page = page
url-archive = archive
url-projects = projects
url-tags = tags
url-stats = stats
url-search = search
url-accessibility = accessibility-statement
url-instructions = how-to-use-this-site

## Languages: this language's name in itself, and the other languages' names in English.
language-name = English
language-pl = Polish
language-en = English
language-de = German
translation-missing = This text is available only in { $language }. Go to the English version of the site.
language-switcher = Language

## Page skeleton
skip-link = Skip to main content
site-nav = Main menu
breadcrumb = You are here
home = Home
news = News
archive = Archive
projects = Projects
tags = Tags
rss = RSS feed
rss-title = News – RSS feed
footer-editorial = Editorial office
footer-publisher = Publisher of the information
footer-email = Email
footer-phone = Phone
footer-address = Address

## Locale: the CLDR locale (BCP 47) for numbers, dates and alphabetical order.
## site.yaml `locales:` overrides it (en-US writes "February 15, 2012").
locale = en-GB

## Typography: the quotation marks that replace straight quotes (opening, closing), and
## the one-letter words followed by a no-break space (English has none, so no message).
typography-quotes = “”

## Dates: $date is CLDR's form for the locale ("15 February 2012", "February 2012").
date-long = { $date }
date-month = { $date }

## Money: $amount has the locale's separators and two decimals; $currency is the
## currency-CODE message if there is one, else the ISO code. A money-CODE message
## places one currency differently (a symbol before the number, without a space).
money = { $currency }{"\u00A0"}{ $amount }
money-EUR = €{ $amount }
money-GBP = £{ $amount }

## Counts
news-count = { $count ->
    [one] { $count } news item
   *[other] { $count } news items
  }
project-count = { $count ->
    [one] { $count } project
   *[other] { $count } projects
  }
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
  }

## Lists
latest-news = Latest news
all-news = All news
no-news = There are no news items yet.
archived = Archived document
archive-intro = The complete chronological record of publications, by year.
archive-year = Archive { $year }
pagination = Pagination
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page { $n }
pagination-status = Page { $current } of { $total }
published-on = Published

## A news item
item-tags = Tags
item-projects = Projects
attachments = Attachments
attachment-size = { $kb } kB
metadata = Document metadata
metadata-published = Date of publication
metadata-produced = Date the information was produced
metadata-produced-by = Produced by
metadata-published-by = Published by
metadata-publisher = Publisher
metadata-last-change = Last modified
metadata-changes = Change log
metadata-change-date = Date
metadata-change-by = Changed by
metadata-change-what = Description

## Projects
projects-intro = Cards of projects funded from public and European funds.
projects-total = The archive holds { $count ->
    [one] { $count } project
   *[other] { $count } projects
  }.
project-card = Project card
project-full-title = Full title
project-fund = Fund
project-programme = Programme
project-priority = Priority
project-measure = Measure
project-submeasure = Submeasure
project-implementer = Implemented by
project-period = Period
project-budget-total = Total value
project-co-financing = Co-financing
project-funding = Sources of funding
project-funding-period = Period
project-funding-source = Source
project-funding-amount = Amount
funding-source-eu = European Union
funding-source-state_budget = state budget
funding-source-own = own contribution
funding-source-local_budget = local government budget
funding-source-other = other sources
project-indicators = Indicators
project-indicators-caption = Project indicators by reporting date
project-indicator-date = As of
indicator-participants = participants
indicator-completed = completed the support path
indicator-employed = took up employment
indicator-independent = no longer dependent on social assistance
project-news = News of the project
project-no-news = This project has no news yet.

## Tags
tags-intro = All tags in alphabetical order.
tag-title = Tag: { $tag }

## Not found and redirects
not-found-title = Page not found
not-found-text = There is no page at this address, or it has moved.
not-found-home = Go to the home page
redirect-title = This page has moved
redirect-text = This page has a new address:

## Statistics (the statistics pages, their charts, tables and downloads)
stats = Statistics
stats-intro = Figures computed from the archive when the site was built. Each chart is followed by a table with the same data. Each table can be downloaded as a CSV file, and all figures as one JSON file.
stats-project-title = Statistics: { $project }
stats-project-link = Statistics of the project
stats-card-link = Project card
stats-csv = Download “{ $table }” (CSV, { $kb } kB)
stats-translations-by-year-csv = Translated items by year, every language
stats-translations-by-project-csv = Translated items by project, every language
stats-translations-missing-csv = Items still to be translated, every language
stats-series-csv = Indicators of the project by reporting date
stats-budget-csv = Budget of the project
stats-json = Download all statistics (JSON, { $kb } kB)
stats-publications = Publications
stats-publications-intro = An item and its translation are one item. It is counted in every language it is available in.
stats-by-year = News items by year
stats-by-year-caption = News items by year of publication, in each language
stats-by-month = News items by month
stats-by-month-caption = News items by month of publication, in each language (months with items)
stats-by-project = News items by project
stats-by-project-caption = News items of each project, in each language
stats-by-tag = Most used tags
stats-by-tag-caption = News items with each of the { $count } most used tags, in each language
stats-totals = All and archived items
stats-totals-caption = All news items and archived items, in each language
stats-year = Year
stats-month = Month
stats-project = Project
stats-tag = Tag
stats-items = Items
stats-all = All items
stats-archived = Archived items
stats-none-yet = There are no news items yet.
stats-translations = Translation coverage
stats-coverage = Items available in { $language }: { $translated } of { $items } ({ $percent }).
stats-coverage-by-year = Items available in { $language } by year
stats-coverage-by-project = Items available in { $language } by project
stats-translated = Translated
stats-share = Share
stats-missing = Items still to be translated into { $language }
stats-missing-caption = Items without a version in { $language }, newest first
stats-missing-none = Every item is available in { $language }.
stats-funding = Funding
stats-funding-intro = Sums are exact and kept per currency: amounts in different currencies are never added together or converted into each other. A project without a budget is listed as having none.
stats-funding-by-project = Budget of each project
stats-funding-by-fund = Budgets by fund
stats-funding-by-programme = Budgets by programme
stats-funding-total = All projects together
stats-fund = Fund
stats-programme = Programme
stats-currency = Currency
stats-projects-counted = Projects
stats-total = Total value
stats-co-financing = Co-financing
stats-rate = Co-financing rate
stats-no-budget = no budget given
stats-without-budget = Projects without a budget
stats-unspecified = not given
stats-no-projects = The archive has no projects.
stats-indicators = Indicators
stats-indicators-latest = Latest value of each indicator
stats-indicators-latest-caption = The latest reported value of each indicator, by project
stats-no-indicators = No indicators have been reported.
stats-indicator-caption = { $indicator }: values by reporting date
stats-as-of = as of { $date }
stats-project-news = News items of the project
percent = { $value }%
## Search
search = Search
search-title = Search
search-box-label = Search the site
search-query-label = What are you looking for?
search-submit = Search
search-filters = Narrow the results
search-filter-project = Project
search-filter-tag = Tag
search-filter-year = Year
search-filter-status = Status
search-filter-any = all
search-status-current = current
search-status-archived = archived
search-results = Search results
search-results-count = Results: { $count }
search-no-results = Nothing found. Try other words or remove the filters.
search-loading = Searching…
search-failed = Search could not load its index. Browse the archive or the tag index instead.
search-needs-javascript = Search runs in the browser and needs JavaScript. Without it, you can find news in the archive and in the tag index.
search-needs-server = This copy of the site is opened from disk, and a browser does not load the search index from disk: search works only when a web server serves the site. You can find news in the archive and in the tag index.
search-browse-archive = Archive by year
search-browse-tags = Tag index

## BIP pages: accessibility statement, usage instructions, BIP logo, attachments
## (docs/maintainer/pages.md, "BIP pages")
footer-links = About this website
bip-portal = Public Information Bulletin
attachment-size-kb = { $size }{"\u00A0"}kB
attachment-size-mb = { $size }{"\u00A0"}MB
attachment-language = in { $language }
a11y-title = Accessibility statement
a11y-intro = is committed to making its website accessible in accordance with the Polish Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies. This accessibility statement applies to the website
a11y-published = Website published on
a11y-updated = Last significant update
a11y-status-title = Compliance status
a11y-status-lead = This website is
a11y-status-full = fully compliant
a11y-status-partial = partially compliant
a11y-status-none = not compliant
a11y-status-tail = with the Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies{ $status ->
    [full] .
   *[other] {" "}because of the non-compliances listed below.
  }
a11y-non-accessible = Non-accessible content and why
a11y-preparation-title = Preparation of this statement
a11y-prepared = Statement prepared on
a11y-contact-title = Feedback and contact information
a11y-contact-person = Contact person
a11y-contact-email = email
a11y-contact-phone = telephone
a11y-contact-text = Contact them to report a problem with the website’s digital accessibility, to ask for information the website does not make accessible, or to request accessibility.
a11y-procedure-title = Requests and complaints
a11y-procedure-right = Anyone may ask us to make this website, or any part of it, digitally accessible. They may also ask for the information by other means, for example a non-accessible document read out or the content of a picture described.
a11y-procedure-contents = A request should give:
a11y-procedure-item-contact = the contact details of the person making it,
a11y-procedure-item-element = the page or the part of the website it concerns,
a11y-procedure-item-reply = how that person wishes to be answered,
a11y-procedure-item-alternative = for a request for other means of access, the means they prefer.
a11y-procedure-deadline = We meet a request without delay and within 7 days of receiving it at the latest. If that is not possible, we say so without delay and say when we will meet it, which may not be later than 2 months from the day of the request. If digital accessibility cannot be provided, we offer other means of access to the information.
a11y-procedure-complaint = If we refuse to provide accessibility or other means of access, the person who made the request may file a complaint about the provision of digital accessibility, as the Act of 4 April 2019 on the digital accessibility of websites and mobile applications of public bodies provides.
a11y-procedure-ombudsman = Once this procedure has been exhausted, an application may be made to the Commissioner for Human Rights (Rzecznik Praw Obywatelskich).
a11y-architecture-title = Physical accessibility
a11y-architecture-ask = The contact person named above gives information on the accessibility of the building.
a11y-apps-title = Mobile applications
a11y-apps-none = There are no mobile applications associated with this website.
help-title = How to use this site
help-intro = This page describes how to find information on the website “{ $site }”.
help-nav-title = Navigation
help-nav-menu = The main menu at the top of every page leads to the website’s sections:
help-nav-breadcrumb = Below the menu, the breadcrumb (“{ breadcrumb }”) shows where the open page is in the website and links to the pages above it.
help-nav-keyboard = The website can be used with a keyboard: the Tab key moves between links, and the first link of every page, “{ skip-link }”, skips the menu.
help-nav-languages = The language switcher at the top of the page leads to the same page in another language. If a page is not translated, the website says so and leads to the nearest page in that language.
help-archive-title = News, archive, projects and tags
help-archive-news = “{ news }” lists the current news items, newest first. Long lists continue on further pages.
help-archive-years = The “{ archive }” is the complete record of every publication by year. Items that are no longer current are marked as “{ archived }”.
help-archive-projects = “{ projects }” holds the project cards with their data and news, and “{ tags }” every topic in alphabetical order.
help-search-title = Search
help-search-box = The “{ search-box-label }” box at the top of every page searches news items, pages and project cards in the language of the open page. Polish words may be typed without Polish letters.
help-search-filters = The results can be narrowed by project, tag, year, and current or archived items.
help-stats-title = Statistics
help-stats = “{ stats }” shows the number of publications, translations, funding and the projects’ indicators in charts and tables. Each table can be downloaded as a CSV file.
help-feeds-title = RSS feed
help-feeds = New items can be followed in an RSS feed reader:
help-metadata-title = Metadata (metryczka)
help-metadata = Under every news item and page, the metadata block (metryczka) says who produced the information and when, who entered it and when it was published.
help-print = Every page can be printed: the printout holds the text, the metadata block and the page’s address, without the menu.
help-a11y-title = Accessibility
help-a11y = The website’s digital accessibility is described in the
help-a11y-print = Text can be enlarged with the browser’s zoom (Ctrl and +); the layout adapts to narrow screens.
help-contact = For questions about the website, contact: { $editorial }
## An old address with a query that no item claims (docs/maintainer/pages.md, "Redirects from old addresses")
alias-not-found-title = Page not found
alias-not-found-text = There is no page at this old address: no item of the archive has it. The server shows this page instead of an error. Look for the page in the archive or with the search.
alias-not-found-archive = Archive, by year
alias-not-found-search = Search the site
alias-known-title = Old addresses that lead to items
alias-known-text = If you followed an old link, its item may be one of these:
