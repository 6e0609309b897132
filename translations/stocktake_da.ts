<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Opening the profile&apos;s encrypted database…
The first start after an update can take a minute while the database is upgraded.</source>
        <translation>Åbner profilens krypterede database …
Den første start efter en opdatering kan tage et minut, mens databasen opgraderes.</translation>
    </message>
    <message>
        <source>Stocktake</source>
        <translation>Stocktake</translation>
    </message>
</context>
<context>
    <name>stocktake::auth::AuthError</name>
    <message>
        <source>Stocktake has not been granted the permissions it needs in this tenant. Ask an administrator to grant admin consent, then sign in again.</source>
        <translation>Stocktake har ikke fået de tilladelser, programmet skal bruge i denne lejer. Bed en administrator om at give administratorsamtykke, og log derefter på igen.</translation>
    </message>
    <message>
        <source>Stocktake has not been granted the permissions it needs in this tenant. Ask an administrator to grant admin consent at %1, then sign in again.</source>
        <translation>Stocktake har ikke fået de tilladelser, programmet skal bruge i denne lejer. Bed en administrator om at give administratorsamtykke på %1, og log derefter på igen.</translation>
    </message>
    <message>
        <source>Your organisation requires multi-factor authentication or another Conditional Access check. Sign in again interactively with &apos;stocktake-cli login&apos;.</source>
        <translation>Din organisation kræver multifaktorgodkendelse eller en anden kontrol med betinget adgang. Log på igen interaktivt med &apos;stocktake-cli login&apos;.</translation>
    </message>
    <message>
        <source>The tenant does not know Stocktake&apos;s application (client) ID. Check the client ID in the profile, or ask an administrator to register the app.</source>
        <translation>Lejeren kender ikke Stocktakes program-id (klient). Kontrollér klient-id&apos;et i profilen, eller bed en administrator om at registrere appen.</translation>
    </message>
    <message>
        <source>The tenant in the profile was not found. Check the tenant ID or domain name in the profile.</source>
        <translation>Lejeren i profilen blev ikke fundet. Kontrollér lejer-id&apos;et eller domænenavnet i profilen.</translation>
    </message>
    <message>
        <source>Sign-in was declined. Run &apos;stocktake-cli login&apos; again if you want to sign in.</source>
        <translation>Logon blev afvist. Kør &apos;stocktake-cli login&apos; igen, hvis du vil logge på.</translation>
    </message>
    <message>
        <source>The sign-in code expired before sign-in finished. Run &apos;stocktake-cli login&apos; again.</source>
        <translation>Logonkoden udløb, før logon blev fuldført. Kør &apos;stocktake-cli login&apos; igen.</translation>
    </message>
    <message>
        <source>The sign-in code was not recognised. Run &apos;stocktake-cli login&apos; again and enter the new code.</source>
        <translation>Logonkoden blev ikke genkendt. Kør &apos;stocktake-cli login&apos; igen, og angiv den nye kode.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was revoked. Sign in again with &apos;stocktake-cli login&apos;.</source>
        <translation>Dit logon er udløbet eller blevet tilbagekaldt. Log på igen med &apos;stocktake-cli login&apos;.</translation>
    </message>
    <message>
        <source>The service needs you to sign in interactively. Sign in again with &apos;stocktake-cli login&apos;.</source>
        <translation>Tjenesten kræver, at du logger på interaktivt. Log på igen med &apos;stocktake-cli login&apos;.</translation>
    </message>
    <message>
        <source>The sign-in service is temporarily unavailable. Try again in a few minutes.</source>
        <translation>Logontjenesten er midlertidigt utilgængelig. Prøv igen om et par minutter.</translation>
    </message>
    <message>
        <source>The sign-in service refused the request. Check the tenant and client ID in the profile, then sign in again.</source>
        <translation>Logontjenesten afviste anmodningen. Kontrollér lejeren og klient-id&apos;et i profilen, og log derefter på igen.</translation>
    </message>
    <message>
        <source>The sign-in service could not be reached. Check the network connection and try again.</source>
        <translation>Logontjenesten kunne ikke nås. Kontrollér netværksforbindelsen, og prøv igen.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Logon blev annulleret.</translation>
    </message>
    <message>
        <source>The sign-in service did not accept the answer from the browser (the code or its PKCE proof was refused). Sign in again.</source>
        <translation>Logontjenesten accepterede ikke svaret fra browseren (koden eller dens PKCE-bevis blev afvist). Log på igen.</translation>
    </message>
    <message>
        <source>The browser&apos;s answer did not belong to this sign-in and was ignored. Close other sign-in tabs and sign in again.</source>
        <translation>Browserens svar hørte ikke til dette logon og blev ignoreret. Luk andre faner med logon, og log på igen.</translation>
    </message>
    <message>
        <source>Sign-in in the browser did not finish in time. Sign in again and complete it in the browser.</source>
        <translation>Logon i browseren blev ikke fuldført i tide. Log på igen, og fuldfør logon i browseren.</translation>
    </message>
    <message>
        <source>The browser&apos;s answer came from another sign-in service than the profile&apos;s, so Stocktake did not use it. Sign in again.</source>
        <translation>Browserens svar kom fra en anden logontjeneste end profilens, så Stocktake brugte det ikke. Log på igen.</translation>
    </message>
    <message>
        <source>This profile is not signed in. Sign in with &apos;stocktake-cli login&apos; or in the app.</source>
        <translation>Denne profil er ikke logget på. Log på med &apos;stocktake-cli login&apos; eller i appen.</translation>
    </message>
    <message>
        <source>The sign-in service did not let Stocktake stay signed in (no refresh token: offline_access was not granted). Check the app registration&apos;s permissions, then sign in again.</source>
        <translation>Logontjenesten lod ikke Stocktake forblive logget på (intet opdateringstoken: offline_access blev ikke givet). Kontrollér tilladelserne for appregistreringen, og log derefter på igen.</translation>
    </message>
    <message>
        <source>This sign-in service does not offer sign-in with a code. Sign in with the browser instead.</source>
        <translation>Denne logontjeneste tilbyder ikke logon med en kode. Log på med browseren i stedet.</translation>
    </message>
    <message>
        <source>Stocktake could not open a local port for the browser&apos;s answer. Sign in with a code instead (--device-code).</source>
        <translation>Stocktake kunne ikke åbne en lokal port til browserens svar. Log på med en kode i stedet (--device-code).</translation>
    </message>
</context>
<context>
    <name>stocktake::auth::IdentityHttp</name>
    <message>
        <source>The sign-in service sent an answer Stocktake cannot use. Try again later; if it goes on, check the identity platform address in the profile.</source>
        <translation>Logontjenesten sendte et svar, som Stocktake ikke kan bruge. Prøv igen senere; hvis problemet fortsætter, skal du kontrollere adressen til identitetsplatformen i profilen.</translation>
    </message>
</context>
<context>
    <name>stocktake::auth::OidcDiscovery</name>
    <message>
        <source>The identity platform address in the profile must be an https:// URL (http:// only for a loopback host). Fix the profile&apos;s authority.</source>
        <translation>Adressen til identitetsplatformen i profilen skal være en https://-URL (http:// kun for en loopback-vært). Ret profilens autoritet.</translation>
    </message>
    <message>
        <source>The sign-in service&apos;s configuration does not match the identity platform address and tenant in the profile, so Stocktake did not use it. Check the profile&apos;s authority and tenant.</source>
        <translation>Logontjenestens konfiguration passer ikke til adressen til identitetsplatformen og lejeren i profilen, så Stocktake brugte den ikke. Kontrollér profilens autoritet og lejer.</translation>
    </message>
</context>
<context>
    <name>stocktake::auth::TokenEndpoint</name>
    <message>
        <source>The sign-in service sent an answer Stocktake cannot use. Try again later; if it goes on, check the identity platform address in the profile.</source>
        <translation>Logontjenesten sendte et svar, som Stocktake ikke kan bruge. Prøv igen senere; hvis problemet fortsætter, skal du kontrollere adressen til identitetsplatformen i profilen.</translation>
    </message>
    <message>
        <source>The sign-in service answered with a redirect, which Stocktake never follows for sign-in. Check the identity platform address in the profile.</source>
        <translation>Logontjenesten svarede med en omdirigering, som Stocktake aldrig følger ved logon. Kontrollér adressen til identitetsplatformen i profilen.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::DbCommand</name>
    <message>
        <source>Checks the encrypted database (or a backup) for damage and tampering, gives it a fresh key, or writes an encrypted backup.</source>
        <translation>Kontrollerer den krypterede database (eller en sikkerhedskopi) for beskadigelse og manipulation, giver den en ny nøgle eller skriver en krypteret sikkerhedskopi.</translation>
    </message>
    <message>
        <source>Say db check [FILE], db rekey or db backup FILE. See stocktake-cli --help.</source>
        <translation>Angiv db check [FILE], db rekey eller db backup FILE. Se stocktake-cli --help.</translation>
    </message>
    <message>
        <source>ok: the cipher (page HMAC) and SQLite integrity checks of %1 passed.</source>
        <translation>ok: krypteringskontrollen (side-HMAC) og SQLite-integritetskontrollen af %1 bestod.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Filen %1 findes ikke.</translation>
    </message>
    <message>
        <source>The database has a new key; the old key no longer opens it.</source>
        <translation>Databasen har en ny nøgle; den gamle nøgle kan ikke længere åbne den.</translation>
    </message>
    <message>
        <source>Wrote an encrypted backup to %1; stocktake-cli db check %1 verifies it.</source>
        <translation>Der blev skrevet en krypteret sikkerhedskopi til %1; stocktake-cli db check %1 verificerer den.</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (og %n mere)</numerusform>
            <numerusform> (og %n mere)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2%3. Restore a backup; the data may have been tampered with.</source>
        <translation>%1 bestod ikke integritetskontrollen: %2%3. Gendan en sikkerhedskopi; dataene kan være blevet manipuleret.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::LoginCommand</name>
    <message>
        <source>Signs the profile in to its tenant: in this computer&apos;s browser (authorization code with PKCE, the default) or with a code entered on any device (--device-code). The refresh token goes to the keychain; --no-open prints the browser address instead of opening it.</source>
        <translation>Logger profilen på dens lejer: i denne computers browser (godkendelseskode med PKCE, standard) eller med en kode, der indtastes på en vilkårlig enhed (--device-code). Opdateringstokenet gemmes i nøgleringen; --no-open udskriver browseradressen i stedet for at åbne den.</translation>
    </message>
    <message>
        <source>login takes no arguments besides --device-code, --browser and --no-open.</source>
        <translation>login tager ingen argumenter ud over --device-code, --browser og --no-open.</translation>
    </message>
    <message>
        <source>Choose one of --device-code and --browser.</source>
        <translation>Vælg enten --device-code eller --browser.</translation>
    </message>
    <message>
        <source>To sign in, open %1 in a browser on any device and enter the code %2</source>
        <translation>Log på ved at åbne %1 i en browser på en vilkårlig enhed og indtaste koden %2</translation>
    </message>
    <message>
        <source>Enter the code only if you started this sign-in in Stocktake yourself.</source>
        <translation>Indtast kun koden, hvis du selv har startet dette logon i Stocktake.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in to finish…</source>
        <translation>Venter på, at logonet bliver fuldført…</translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer to sign in:</source>
        <translation>Åbn denne adresse i en browser på denne computer for at logge på:</translation>
    </message>
    <message>
        <source>Opening the sign-in page in your browser. If it does not open, open this address in a browser on this computer:</source>
        <translation>Åbner logonsiden i din browser. Hvis den ikke åbnes, skal du åbne denne adresse i en browser på denne computer:</translation>
    </message>
    <message>
        <source>Signed in: profile %1, tenant %2.</source>
        <translation>Logget på: profil %1, lejer %2.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::LogoutCommand</name>
    <message>
        <source>Deletes this profile&apos;s refresh token from the keychain (or its passphrase vault); sign in again with login.</source>
        <translation>Sletter profilens opdateringstoken fra nøgleringen (eller dens adgangsudtryksboks); log på igen med login.</translation>
    </message>
    <message>
        <source>logout takes no arguments.</source>
        <translation>logout tager ingen argumenter.</translation>
    </message>
    <message>
        <source>Signed out: profile %1 holds no refresh token now.</source>
        <translation>Logget af: profilen %1 har ikke længere noget opdateringstoken.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::PriceCommand</name>
    <message>
        <source>Sets a unit price used for license waste and spend; it wins over the bundled list price.</source>
        <translation>Angiver en enhedspris, der bruges til licensspild og udgifter; den har forrang frem for den medfølgende listepris.</translation>
    </message>
    <message>
        <source>Use: price set SKU_PART_NUMBER_OR_APP AMOUNT CURRENCY [--per month|year].</source>
        <translation>Brug: price set SKU_PART_NUMBER_OR_APP AMOUNT CURRENCY [--per month|year].</translation>
    </message>
    <message>
        <source>price set takes a SKU part number or app id, an amount and a currency.</source>
        <translation>price set kræver et SKU-varenummer eller app-id, et beløb og en valuta.</translation>
    </message>
    <message>
        <source>The SKU part number or app id cannot be empty or hold spaces.</source>
        <translation>SKU-varenummeret eller app-id&apos;et må ikke være tomt eller indeholde mellemrum.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 4217 currency code (EUR, USD, NOK, …).</source>
        <translation>&apos;%1&apos; er ikke en ISO 4217-valutakode (EUR, USD, NOK, …).</translation>
    </message>
    <message numerus="yes">
        <source>AMOUNT is a plain non-negative number with &apos;.&apos; as the decimal point and at most %n decimal(s) for %1, e.g. 12.50.</source>
        <translation>
            <numerusform>AMOUNT er et almindeligt ikke-negativt tal med &apos;.&apos; som decimaltegn og højst %n decimal for %1, f.eks. 12.50.</numerusform>
            <numerusform>AMOUNT er et almindeligt ikke-negativt tal med &apos;.&apos; som decimaltegn og højst %n decimaler for %1, f.eks. 12.50.</numerusform>
        </translation>
    </message>
    <message>
        <source>--per is month or year.</source>
        <translation>--per er month eller year.</translation>
    </message>
    <message>
        <source>%1: %2 %3 per year</source>
        <translation>%1: %2 %3 pr. år</translation>
    </message>
    <message>
        <source>%1: %2 %3 per month</source>
        <translation>%1: %2 %3 pr. måned</translation>
    </message>
    <message>
        <source>note: no synced license or app is called %1 yet; the price applies once one is.</source>
        <translation>bemærk: ingen synkroniseret licens eller app hedder %1 endnu; prisen gælder, så snart der er en.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::ProfileAccess</name>
    <message>
        <source>This profile is protected by a passphrase: give it on standard input with --passphrase-stdin.</source>
        <translation>Denne profil er beskyttet af et adgangsudtryk: angiv det på standardinput med --passphrase-stdin.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase from standard input.</source>
        <translation>Adgangsudtrykket kan ikke læses fra standardinput.</translation>
    </message>
    <message>
        <source>The passphrase on standard input is empty.</source>
        <translation>Adgangsudtrykket på standardinput er tomt.</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 kræver en værdi.</translation>
    </message>
    <message>
        <source>Unknown option %1. See stocktake-cli --help.</source>
        <translation>Ukendt indstilling %1. Se stocktake-cli --help.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::ProfileCommand</name>
    <message>
        <source>Creates, lists and removes tenant profiles and their encrypted databases.</source>
        <translation>Opretter, viser og fjerner lejerprofiler og deres krypterede databaser.</translation>
    </message>
    <message>
        <source>Say profile add, profile list or profile remove. See stocktake-cli --help.</source>
        <translation>Angiv profile add, profile list eller profile remove. Se stocktake-cli --help.</translation>
    </message>
    <message>
        <source>profile add needs exactly one NAME.</source>
        <translation>profile add kræver præcis ét NAME.</translation>
    </message>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Et profilnavn består af 1 til 64 bogstaver, cifre, &apos;.&apos;, &apos;_&apos; eller &apos;-&apos; og begynder med et bogstav eller ciffer.</translation>
    </message>
    <message>
        <source>profile add needs --tenant (a tenant id or domain).</source>
        <translation>profile add kræver --tenant (et lejer-id eller domæne).</translation>
    </message>
    <message>
        <source>--tenant must be a tenant id (GUID) or a domain such as contoso.com.</source>
        <translation>--tenant skal være et lejer-id (GUID) eller et domæne som f.eks. contoso.com.</translation>
    </message>
    <message>
        <source>--client-id must be an application (client) id, a GUID.</source>
        <translation>--client-id skal være et program-id (klient), dvs. et GUID.</translation>
    </message>
    <message>
        <source>--authority must be an https:// URL (http:// only for a loopback host).</source>
        <translation>--authority skal være en https://-URL (http:// kun for en loopback-vært).</translation>
    </message>
    <message>
        <source>--graph must be an https:// URL (http:// only for a loopback host).</source>
        <translation>--graph skal være en https://-URL (http:// kun for en loopback-vært).</translation>
    </message>
    <message>
        <source>--key-storage is keychain or passphrase.</source>
        <translation>--key-storage er keychain eller passphrase.</translation>
    </message>
    <message>
        <source>A passphrase profile needs its passphrase on standard input: add --passphrase-stdin.</source>
        <translation>En profil med adgangsudtryk skal have sit adgangsudtryk på standardinput: tilføj --passphrase-stdin.</translation>
    </message>
    <message>
        <source>A profile called %1 already exists.</source>
        <translation>Der findes allerede en profil med navnet %1.</translation>
    </message>
    <message>
        <source>Created profile %1 (%2 key storage): %3</source>
        <translation>Profilen %1 blev oprettet (nøglelager: %2): %3</translation>
    </message>
    <message>
        <source>profile list takes no arguments.</source>
        <translation>profile list tager ingen argumenter.</translation>
    </message>
    <message>
        <source>profile remove needs exactly one NAME.</source>
        <translation>profile remove kræver præcis ét NAME.</translation>
    </message>
    <message>
        <source>profile remove deletes the key, the tokens and all data of the profile for good. Add --yes to do it.</source>
        <translation>profile remove sletter profilens nøgle, tokens og alle data permanent. Tilføj --yes for at gøre det.</translation>
    </message>
    <message>
        <source>Removed profile %1: its key, tokens and files are gone.</source>
        <translation>Profilen %1 blev fjernet: dens nøgle, tokens og filer er slettet.</translation>
    </message>
    <message>
        <source>--redirect-host is localhost or 127.0.0.1.</source>
        <translation>--redirect-host skal være localhost eller 127.0.0.1.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::ReportCommand</name>
    <message>
        <source>Prints the applications, licenses or users report (columns as in METRICS.md), computed as of the last sync; pdf needs --output.</source>
        <translation>Udskriver rapporten over programmer, licenser eller brugere (kolonner som i METRICS.md), beregnet pr. seneste synkronisering; pdf kræver --output.</translation>
    </message>
    <message>
        <source>report takes one of: apps, licenses, users.</source>
        <translation>report kræver én af: apps, licenses, users.</translation>
    </message>
    <message>
        <source>`report %1` is not available in this build yet; use apps, licenses or users.</source>
        <translation>`report %1` er endnu ikke tilgængelig i denne version; brug apps, licenses eller users.</translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;: use apps, licenses or users.</source>
        <translation>Ukendt rapport &apos;%1&apos;: brug apps, licenses eller users.</translation>
    </message>
    <message>
        <source>--format is csv, json or pdf.</source>
        <translation>--format er csv, json eller pdf.</translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation>--output kræver et filnavn.</translation>
    </message>
    <message>
        <source>--format pdf needs --output FILE: a PDF is not written to a terminal.</source>
        <translation>--format pdf kræver --output FILE: en PDF skrives ikke til en terminal.</translation>
    </message>
    <message>
        <source>PDF reports need Qt&apos;s graphics module, which did not start. Use csv or json.</source>
        <translation>PDF-rapporter kræver grafikmodulet i Qt, som ikke kunne starte. Brug csv eller json.</translation>
    </message>
    <message>
        <source>--as-of is an ISO 8601 date (2026-11-01) or date and time (2026-11-01T12:00:00Z).</source>
        <translation>--as-of er en ISO 8601-dato (2026-11-01) eller dato og klokkeslæt (2026-11-01T12:00:00Z).</translation>
    </message>
    <message>
        <source>--inactive-days is a whole number of days from 1 to 3650.</source>
        <translation>--inactive-days er et helt antal dage fra 1 til 3650.</translation>
    </message>
    <message>
        <source>License use</source>
        <translation>Licensforbrug</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>bemærk: %1</translation>
    </message>
    <message>
        <source>The report could not be written to standard output. Check where it is redirected.</source>
        <translation>Rapporten kunne ikke skrives til standardoutput. Kontrollér, hvor det er omdirigeret til.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::Runner</name>
    <message>
        <source>Usage: stocktake-cli [--home DIR] [--profile NAME] [--passphrase-stdin] [--quiet|--verbose] COMMAND [ARGS]

Commands:
</source>
        <translation>Brug: stocktake-cli [--home DIR] [--profile NAME] [--passphrase-stdin] [--quiet|--verbose] COMMAND [ARGS]

Kommandoer:
</translation>
    </message>
    <message>
        <source>
Exit codes: 0 done, 1 failed, 2 usage, 3 sign-in needed or refused, 4 service unreachable, 5 local store refused, 6 bad input file.
</source>
        <translation>
Afslutningskoder: 0 udført, 1 mislykkedes, 2 forkert brug, 3 logon påkrævet eller afvist, 4 tjenesten kan ikke nås, 5 lokalt lager afvist, 6 ugyldig inputfil.
</translation>
    </message>
    <message>
        <source>--home needs a folder.</source>
        <translation>--home kræver en mappe.</translation>
    </message>
    <message>
        <source>--profile needs a name.</source>
        <translation>--profile kræver et navn.</translation>
    </message>
    <message>
        <source>Unknown option %1. See stocktake-cli --help.</source>
        <translation>Ukendt indstilling %1. Se stocktake-cli --help.</translation>
    </message>
    <message>
        <source>Unknown command %1. See stocktake-cli --help.</source>
        <translation>Ukendt kommando %1. Se stocktake-cli --help.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::StatusCommand</name>
    <message>
        <source>Shows the database path, key storage, schema version, row counts and the last sync per entity.</source>
        <translation>Viser databasens sti, nøglelager, skemaversion, antal rækker og den seneste synkronisering pr. entitet.</translation>
    </message>
    <message>
        <source>status takes no arguments besides --format.</source>
        <translation>status tager ingen argumenter ud over --format.</translation>
    </message>
    <message>
        <source>--format is text or json.</source>
        <translation>--format er text eller json.</translation>
    </message>
    <message>
        <source>profile: %1 (tenant %2)</source>
        <translation>profil: %1 (lejer %2)</translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation>database: %1</translation>
    </message>
    <message>
        <source>key storage: %1</source>
        <translation>nøglelager: %1</translation>
    </message>
    <message>
        <source>schema version: %1 (SQLCipher %2)</source>
        <translation>skemaversion: %1 (SQLCipher %2)</translation>
    </message>
    <message>
        <source>rows:</source>
        <translation>rækker:</translation>
    </message>
    <message>
        <source>last sync:</source>
        <translation>seneste synkronisering:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>seneste fejl: %1</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::SyncCommand</name>
    <message>
        <source>, about %1 left</source>
        <translation>, ca. %1 tilbage</translation>
    </message>
    <message>
        <source>%1: %2 items, %3 pages</source>
        <translation>%1: %2 elementer, %3 sider</translation>
    </message>
    <message>
        <source>%1: %2 records were malformed and skipped (ids in the log).</source>
        <translation>%1: %2 poster var misdannede og blev sprunget over (id&apos;er i loggen).</translation>
    </message>
    <message>
        <source>The sync was cancelled; the data of every finished entity is saved.</source>
        <translation>Synkroniseringen blev annulleret; dataene for alle færdige entiteter er gemt.</translation>
    </message>
    <message>
        <source>Syncs the tenant from Microsoft Graph into the encrypted store: incremental by default (delta links, sign-in high-water mark); LIST from organization,users,groups,licenses,apps,grants,signins,usage. --signin-days: how many days of sign-in history to backfill (1 to 30, default 30).</source>
        <translation>Synkroniserer lejeren fra Microsoft Graph til det krypterede lager: som standard trinvist (deltalinks, højvandsmærke for logons); LIST ud fra organization,users,groups,licenses,apps,grants,signins,usage. --signin-days: hvor mange dages logonhistorik der skal hentes bagudrettet (1 til 30, standard 30).</translation>
    </message>
    <message>
        <source>sync takes no arguments besides --only, --full and --signin-days.</source>
        <translation>sync tager ingen argumenter ud over --only, --full og --signin-days.</translation>
    </message>
    <message>
        <source>--signin-days is a whole number from 1 to 30.</source>
        <translation>--signin-days er et helt tal fra 1 til 30.</translation>
    </message>
</context>
<context>
    <name>stocktake::core::Home</name>
    <message>
        <source>Stocktake cannot use its data folder %1. Check that it exists, belongs to you and the disk is not full.</source>
        <translation>Stocktake kan ikke bruge sin datamappe %1. Kontrollér, at den findes og tilhører dig, og at disken ikke er fuld.</translation>
    </message>
</context>
<context>
    <name>stocktake::core::Money</name>
    <message>
        <source>The amount is not a valid number for its currency. Write it with &apos;.&apos; as the decimal point, for example 1234.50.</source>
        <translation>Beløbet er ikke et gyldigt tal for valutaen. Skriv det med &apos;.&apos; som decimaltegn, for eksempel 1234.50.</translation>
    </message>
</context>
<context>
    <name>stocktake::exporting::AtomicFile</name>
    <message>
        <source>The export file could not be written. Check the folder exists, is writable and has free space.</source>
        <translation>Eksportfilen kunne ikke skrives. Kontrollér, at mappen findes, er skrivbar og har ledig plads.</translation>
    </message>
</context>
<context>
    <name>stocktake::exporting::PdfReportWriter</name>
    <message>
        <source>%1 — data as of %2</source>
        <translation>%1 — data pr. %2</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>Genereret %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Side %1 af %2</translation>
    </message>
</context>
<context>
    <name>stocktake::graph::GraphError</name>
    <message>
        <source>Microsoft Graph did not return %1: this needs a Microsoft Entra ID P1 or P2 licence, which the tenant does not have. Everything else is synced; add P1 to see last sign-ins and sign-in logs.</source>
        <translation>Microsoft Graph returnerede ikke %1: det kræver en Microsoft Entra ID P1- eller P2-licens, som lejeren ikke har. Alt andet er synkroniseret; tilføj P1 for at se seneste logons og logonlogge.</translation>
    </message>
    <message>
        <source>Microsoft Graph refused access to %1 (%2): the permission Stocktake needs for it has not been granted. Ask a Global or Privileged Role Administrator to grant admin consent to Stocktake, and make sure your account holds a role that may read it (for example Global Reader), then sync again.</source>
        <translation>Microsoft Graph nægtede adgang til %1 (%2): Stocktake har ikke fået den tilladelse, der kræves til det. Bed en global administrator eller en administrator af privilegerede roller om at give administratorsamtykke til Stocktake, og sørg for, at din konto har en rolle, der må læse det (for eksempel global læser), og synkroniser derefter igen.</translation>
    </message>
    <message>
        <source>Microsoft Graph no longer accepts the saved change token for %1; Stocktake will read it in full.</source>
        <translation>Microsoft Graph accepterer ikke længere det gemte ændringstoken for %1; Stocktake læser alle data igen.</translation>
    </message>
    <message>
        <source>Microsoft Graph could not find %1 (404). Check that the Graph address of this profile is right, then sync again.</source>
        <translation>Microsoft Graph kunne ikke finde %1 (404). Kontrollér, at Graph-adressen for denne profil er korrekt, og synkroniser derefter igen.</translation>
    </message>
    <message>
        <source>Microsoft Graph rejected Stocktake&apos;s request for %1 (400 %2). This is a Stocktake fault; please report it with the log.</source>
        <translation>Microsoft Graph afviste Stocktakes anmodning om %1 (400 %2). Det er en fejl i Stocktake; rapportér den sammen med loggen.</translation>
    </message>
    <message>
        <source>Microsoft Graph answered %1 with an unexpected status %2. Try the sync again later.</source>
        <translation>Microsoft Graph besvarede %1 med den uventede status %2. Prøv synkroniseringen igen senere.</translation>
    </message>
    <message>
        <source>The Graph address %1 is not allowed: use https://, or http:// only for a loopback address (127.0.0.1, [::1], localhost).</source>
        <translation>Graph-adressen %1 er ikke tilladt: brug https://, eller http:// kun til en loopback-adresse (127.0.0.1, [::1], localhost).</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a link for %1 that points outside the Graph address of this profile; Stocktake did not follow it, so your sign-in was not sent elsewhere. Check the profile&apos;s Graph address and sync again.</source>
        <translation>Microsoft Graph sendte et link for %1, der peger uden for denne profils Graph-adresse; Stocktake fulgte det ikke, så dit logon blev ikke sendt andre steder hen. Kontrollér profilens Graph-adresse, og synkroniser igen.</translation>
    </message>
    <message>
        <source>Microsoft Graph did not accept your sign-in while reading %1, even after renewing it. Sign in again with `stocktake-cli login`.</source>
        <translation>Microsoft Graph accepterede ikke dit logon under læsning af %1, heller ikke efter at det var fornyet. Log på igen med `stocktake-cli login`.</translation>
    </message>
    <message>
        <source>Microsoft Graph kept asking Stocktake to slow down while reading %1 (HTTP %2), past the retry budget. Nothing was lost; try the sync again in a few minutes.</source>
        <translation>Microsoft Graph blev ved med at bede Stocktake om at sænke tempoet under læsning af %1 (HTTP %2), ud over det tilladte antal genforsøg. Intet gik tabt; prøv synkroniseringen igen om et par minutter.</translation>
    </message>
    <message>
        <source>Microsoft Graph kept failing while reading %1 (HTTP %2). Nothing was lost; try the sync again later.</source>
        <translation>Microsoft Graph fejlede gentagne gange under læsning af %1 (HTTP %2). Intet gik tabt; prøv synkroniseringen igen senere.</translation>
    </message>
    <message>
        <source>Microsoft Graph stopped answering while Stocktake read %1. Check the network connection and sync again.</source>
        <translation>Microsoft Graph holdt op med at svare, mens Stocktake læste %1. Kontrollér netværksforbindelsen, og synkroniser igen.</translation>
    </message>
    <message>
        <source>Stocktake could not reach Microsoft Graph to read %1. Check the network connection and sync again.</source>
        <translation>Stocktake kunne ikke nå Microsoft Graph for at læse %1. Kontrollér netværksforbindelsen, og synkroniser igen.</translation>
    </message>
    <message>
        <source>The secure connection to Microsoft Graph for %1 could not be verified, so Stocktake stopped. Check the system&apos;s certificates and any proxy that intercepts TLS.</source>
        <translation>Den sikre forbindelse til Microsoft Graph for %1 kunne ikke bekræftes, så Stocktake stoppede. Kontrollér systemets certifikater og eventuelle proxyer, der opsnapper TLS.</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a response larger than Stocktake accepts; it was dropped. Try the sync again; if it repeats, report it with the log.</source>
        <translation>Microsoft Graph sendte et svar, der er større, end Stocktake accepterer; det blev kasseret. Prøv synkroniseringen igen; hvis det gentager sig, skal du rapportere det sammen med loggen.</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a response Stocktake could not read (damaged or cut short). Nothing was stored from it; try the sync again.</source>
        <translation>Microsoft Graph sendte et svar, som Stocktake ikke kunne læse (beskadiget eller afkortet). Intet fra det blev gemt; prøv synkroniseringen igen.</translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation>Synkroniseringen blev annulleret.</translation>
    </message>
</context>
<context>
    <name>stocktake::graph::Parsers</name>
    <message>
        <source>Microsoft Graph sent a record Stocktake could not read; it was skipped.</source>
        <translation>Microsoft Graph sendte en post, som Stocktake ikke kunne læse; den blev sprunget over.</translation>
    </message>
    <message>
        <source>The Microsoft 365 usage report could not be read (its columns were not the expected ones). Try the sync again later.</source>
        <translation>Microsoft 365-forbrugsrapporten kunne ikke læses (kolonnerne var ikke de forventede). Prøv synkroniseringen igen senere.</translation>
    </message>
</context>
<context>
    <name>stocktake::insights::ReportContext</name>
    <message>
        <source>The figures could not be read from the local database. Run `stocktake-cli db check`.</source>
        <translation>Tallene kunne ikke læses fra den lokale database. Kør `stocktake-cli db check`.</translation>
    </message>
    <message>
        <source>Users have not been synced yet, so there is nothing to report. Run `stocktake-cli sync`, or give --as-of.</source>
        <translation>Brugerne er ikke synkroniseret endnu, så der er intet at rapportere. Kør `stocktake-cli sync`, eller angiv --as-of.</translation>
    </message>
    <message>
        <source>The tenant does not give sign-in activity (it needs Entra ID P1 or P2 and the AuditLog.Read.All permission), so activity is unknown.</source>
        <translation>Lejeren leverer ikke logonaktivitet (det kræver Entra ID P1 eller P2 og tilladelsen AuditLog.Read.All), så aktiviteten er ukendt.</translation>
    </message>
    <message>
        <source>No synced person carries sign-in activity yet, so activity is unknown. Sync users with an Entra ID P1 or P2 tenant.</source>
        <translation>Ingen synkroniseret person har logonaktivitet endnu, så aktiviteten er ukendt. Synkroniser brugere fra en lejer med Entra ID P1 eller P2.</translation>
    </message>
</context>
<context>
    <name>stocktake::models::ReportModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>stocktake::models::SqlTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>The table could not be read from the local database. Run `stocktake-cli db check`.</source>
        <translation>Tabellen kunne ikke læses fra den lokale database. Kør `stocktake-cli db check`.</translation>
    </message>
</context>
<context>
    <name>stocktake::secrets::PassphraseKeyStore</name>
    <message>
        <source>The passphrase is wrong. Type the passphrase this profile was created with.</source>
        <translation>Adgangsudtrykket er forkert. Skriv det adgangsudtryk, profilen blev oprettet med.</translation>
    </message>
    <message>
        <source>The passphrase vault %1 is damaged or unreadable. Restore it from a backup.</source>
        <translation>Adgangsudtryksboksen %1 er beskadiget eller kan ikke læses. Gendan den fra en sikkerhedskopi.</translation>
    </message>
    <message>
        <source>The passphrase vault holds no entry %1.</source>
        <translation>Adgangsudtryksboksen indeholder ingen post %1.</translation>
    </message>
</context>
<context>
    <name>stocktake::secrets::QtKeychainStore</name>
    <message>
        <source>Stocktake cannot use the OS keychain (no Secret Service, Keychain or Credential Manager answered, or it is locked). Unlock or start it, or use a profile with --key-storage passphrase.</source>
        <translation>Stocktake kan ikke bruge operativsystemets nøglering (hverken Secret Service, Keychain eller Credential Manager svarede, eller den er låst). Lås den op eller start den, eller brug en profil med --key-storage passphrase.</translation>
    </message>
    <message>
        <source>The OS keychain refused Stocktake access to its entry. Allow the access and try again.</source>
        <translation>Operativsystemets nøglering nægtede Stocktake adgang til sin post. Tillad adgangen, og prøv igen.</translation>
    </message>
    <message>
        <source>The OS keychain could not read or store a Stocktake entry. Try again; if it goes on, check the keychain.</source>
        <translation>Operativsystemets nøglering kunne ikke læse eller gemme en Stocktake-post. Prøv igen; hvis problemet fortsætter, skal du kontrollere nøgleringen.</translation>
    </message>
    <message>
        <source>The OS keychain holds no entry %1 for Stocktake.</source>
        <translation>Operativsystemets nøglering indeholder ingen post %1 for Stocktake.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::FiguresCache</name>
    <message>
        <source>The saved figures could not be read or written in the local database. Run `stocktake-cli db check`.</source>
        <translation>De gemte tal kunne ikke læses eller skrives i den lokale database. Kør `stocktake-cli db check`.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::Prices</name>
    <message>
        <source>A price needs a SKU part number or an app id.</source>
        <translation>En pris kræver et SKU-varenummer eller et app-id.</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>En pris kan ikke være negativ.</translation>
    </message>
    <message>
        <source>A price is per month or per year.</source>
        <translation>En pris gælder pr. måned eller pr. år.</translation>
    </message>
    <message>
        <source>The prices could not be read or saved in the local database. Run `stocktake-cli db check`.</source>
        <translation>Priserne kunne ikke læses fra eller gemmes i den lokale database. Kør `stocktake-cli db check`.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::ProfileKeys</name>
    <message>
        <source>No key for %1 is stored any more, so its data cannot be opened. Remove the profile and add it again.</source>
        <translation>Der er ikke længere gemt en nøgle til %1, så dataene kan ikke åbnes. Fjern profilen, og tilføj den igen.</translation>
    </message>
    <message>
        <source>Stocktake cannot delete %1. Check its permissions.</source>
        <translation>Stocktake kan ikke slette %1. Kontrollér tilladelserne.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::ProfileSettings</name>
    <message>
        <source>The settings could not be read or saved in the local database. Run `stocktake-cli db check`.</source>
        <translation>Indstillingerne kunne ikke læses fra eller gemmes i den lokale database. Kør `stocktake-cli db check`.</translation>
    </message>
    <message>
        <source>The inactivity window is a whole number of days from 1 to 3650.</source>
        <translation>Inaktivitetsperioden er et helt antal dage fra 1 til 3650.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::ProfileStore</name>
    <message>
        <source>There is no profile yet. Create one with stocktake-cli profile add NAME --tenant ID.</source>
        <translation>Der er endnu ingen profil. Opret en med stocktake-cli profile add NAME --tenant ID.</translation>
    </message>
    <message>
        <source>There are several profiles. Say which one with --profile NAME.</source>
        <translation>Der er flere profiler. Angiv hvilken med --profile NAME.</translation>
    </message>
    <message>
        <source>There is no profile called %1. See stocktake-cli profile list.</source>
        <translation>Der findes ingen profil med navnet %1. Se stocktake-cli profile list.</translation>
    </message>
    <message>
        <source>A profile called %1 already exists. Choose another name.</source>
        <translation>Der findes allerede en profil med navnet %1. Vælg et andet navn.</translation>
    </message>
    <message>
        <source>There is no profile called %1.</source>
        <translation>Der findes ingen profil med navnet %1.</translation>
    </message>
    <message>
        <source>Stocktake cannot read its profile list %1. Check the file, or restore it from a backup.</source>
        <translation>Stocktake kan ikke læse sin profilliste %1. Kontrollér filen, eller gendan den fra en sikkerhedskopi.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::SqlCipherDriver</name>
    <message>
        <source>Open Stocktake databases with Database::open, which sends the key first.</source>
        <translation>Åbn Stocktake-databaser med Database::open, som sender nøglen først.</translation>
    </message>
    <message>
        <source>Unable to begin the transaction.</source>
        <translation>Transaktionen kunne ikke startes.</translation>
    </message>
    <message>
        <source>Unable to commit the transaction.</source>
        <translation>Transaktionen kunne ikke gennemføres.</translation>
    </message>
    <message>
        <source>Unable to roll back the transaction.</source>
        <translation>Transaktionen kunne ikke rulles tilbage.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::SqlCipherResult</name>
    <message>
        <source>The database is closed.</source>
        <translation>Databasen er lukket.</translation>
    </message>
    <message>
        <source>Unable to prepare the statement.</source>
        <translation>Sætningen kunne ikke forberedes.</translation>
    </message>
    <message>
        <source>One statement at a time, please.</source>
        <translation>Kun én sætning ad gangen.</translation>
    </message>
    <message>
        <source>Parameter count mismatch.</source>
        <translation>Antallet af parametre passer ikke.</translation>
    </message>
    <message>
        <source>Unable to bind a value.</source>
        <translation>En værdi kunne ikke bindes.</translation>
    </message>
    <message>
        <source>No statement.</source>
        <translation>Ingen sætning.</translation>
    </message>
    <message>
        <source>Unable to run the statement.</source>
        <translation>Sætningen kunne ikke køres.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::StoreError</name>
    <message>
        <source>The key does not open %1: the key or passphrase is wrong, or the file is damaged. Check the profile, or restore a backup.</source>
        <translation>Nøglen kan ikke åbne %1: nøglen eller adgangsudtrykket er forkert, eller filen er beskadiget. Kontrollér profilen, eller gendan en sikkerhedskopi.</translation>
    </message>
    <message>
        <source>%1 is not an encrypted Stocktake database. Check the path, or restore a backup.</source>
        <translation>%1 er ikke en krypteret Stocktake-database. Kontrollér stien, eller gendan en sikkerhedskopi.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Stocktake (schema %2; this version knows up to %3). Update Stocktake to open it.</source>
        <translation>%1 blev skrevet af en nyere version af Stocktake (skema %2; denne version kender op til %3). Opdater Stocktake for at åbne den.</translation>
    </message>
    <message>
        <source>%1 is damaged or was tampered with (%2). Run stocktake-cli db check, or restore a backup.</source>
        <translation>%1 er beskadiget eller er blevet manipuleret (%2). Kør stocktake-cli db check, eller gendan en sikkerhedskopi.</translation>
    </message>
    <message>
        <source>The SQLite library in use cannot encrypt (SQLCipher 4 is needed). Reinstall Stocktake.</source>
        <translation>Det anvendte SQLite-bibliotek kan ikke kryptere (SQLCipher 4 er påkrævet). Geninstaller Stocktake.</translation>
    </message>
    <message>
        <source>There is no database at %1. Create the profile again with stocktake-cli profile add.</source>
        <translation>Der er ingen database på %1. Opret profilen igen med stocktake-cli profile add.</translation>
    </message>
    <message>
        <source>%1 already exists; Stocktake will not overwrite it. Choose another file.</source>
        <translation>%1 findes allerede; Stocktake overskriver den ikke. Vælg en anden fil.</translation>
    </message>
    <message>
        <source>Stocktake cannot read or write %1. Check that it belongs to you and the disk works.</source>
        <translation>Stocktake kan ikke læse eller skrive %1. Kontrollér, at den tilhører dig, og at disken fungerer.</translation>
    </message>
    <message>
        <source>The disk that holds %1 is full. Free some space and try again; nothing was lost.</source>
        <translation>Disken med %1 er fuld. Frigør noget plads, og prøv igen; intet gik tabt.</translation>
    </message>
    <message>
        <source>%1 is in use by another Stocktake process. Close it and try again.</source>
        <translation>%1 bruges af en anden Stocktake-proces. Luk den, og prøv igen.</translation>
    </message>
</context>
<context>
    <name>stocktake::sync::StoreWriter</name>
    <message>
        <source>Stocktake could not save the synced %1 to its database. The previous data is unchanged; check free disk space and run `stocktake-cli db check`.</source>
        <translation>Stocktake kunne ikke gemme de synkroniserede data (%1) i sin database. De tidligere data er uændrede; kontrollér den ledige diskplads, og kør `stocktake-cli db check`.</translation>
    </message>
</context>
<context>
    <name>stocktake::sync::SyncEngine</name>
    <message>
        <source>Billing mail discovery is not part of this version yet; leave `mail` out of --only.</source>
        <translation>Registrering via faktureringsmails er endnu ikke en del af denne version; udelad `mail` fra --only.</translation>
    </message>
    <message>
        <source>Unknown entity %1. Choose from %2.</source>
        <translation>Ukendt entitet %1. Vælg blandt %2.</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::DataAgeLabel</name>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>No data yet · %1</source>
        <translation>Ingen data endnu · %1</translation>
    </message>
    <message>
        <source>Data as of %1 · %2</source>
        <translation>Data pr. %1 · %2</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::DetailPane</name>
    <message>
        <source>Nothing selected</source>
        <translation>Intet valgt</translation>
    </message>
    <message>
        <source>Select a row to see what it is made of.</source>
        <translation>Vælg en række for at se, hvad den består af.</translation>
    </message>
    <message>
        <source>Could not load the details</source>
        <translation>Detaljerne kunne ikke indlæses</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::FirstRunWizard</name>
    <message>
        <source>Your tenant</source>
        <translation>Din lejer</translation>
    </message>
    <message>
        <source>Stocktake keeps one encrypted database per tenant on this computer. Its key goes to the system keychain; nothing is sent anywhere but Microsoft.</source>
        <translation>Stocktake gemmer én krypteret database pr. lejer på denne computer. Nøglen gemmes i systemets nøglering; intet sendes andre steder hen end til Microsoft.</translation>
    </message>
    <message>
        <source>contoso.onmicrosoft.com or the tenant ID</source>
        <translation>contoso.onmicrosoft.com eller lejer-id&apos;et</translation>
    </message>
    <message>
        <source>Application (client) ID of your Stocktake registration</source>
        <translation>Program-id (klient) for din Stocktake-registrering</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilnavn</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Lejer</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>Program-id (klient)</translation>
    </message>
    <message>
        <source>Identity platform address</source>
        <translation>Adresse til identitetsplatformen</translation>
    </message>
    <message>
        <source>Microsoft Graph address</source>
        <translation>Microsoft Graph-adresse</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;navn:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Lejer:</translation>
    </message>
    <message>
        <source>&amp;Application (client) ID:</source>
        <translation>&amp;Program-id (klient):</translation>
    </message>
    <message>
        <source>Register Stocktake once in the Entra admin center as a public client (&quot;Mobile and desktop applications&quot;, redirect URI http://localhost, public client flows allowed) and paste its application ID here. docs/sign-in.md lists the permissions and why each is needed.</source>
        <translation>Registrer Stocktake én gang i Microsoft Entra Administration som offentlig klient (&quot;Mobil- og desktopprogrammer&quot;, omdirigerings-URI http://localhost, offentlige klientflows tilladt), og indsæt dens program-id her. docs/sign-in.md viser tilladelserne, og hvorfor hver enkelt er nødvendig.</translation>
    </message>
    <message>
        <source>Endpoints (only for sovereign clouds and test servers)</source>
        <translation>Slutpunkter (kun til nationale clouds og testservere)</translation>
    </message>
    <message>
        <source>&amp;Identity platform:</source>
        <translation>&amp;Identitetsplatform:</translation>
    </message>
    <message>
        <source>Microsoft &amp;Graph:</source>
        <translation>Microsoft &amp;Graph:</translation>
    </message>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Et profilnavn består af 1 til 64 bogstaver, cifre, &apos;.&apos;, &apos;_&apos; eller &apos;-&apos; og begynder med et bogstav eller ciffer.</translation>
    </message>
    <message>
        <source>The tenant is its ID (a GUID) or one of its domains, such as contoso.com.</source>
        <translation>Lejeren angives med sit id (et GUID) eller et af sine domæner, f.eks. contoso.com.</translation>
    </message>
    <message>
        <source>The application (client) ID is a GUID; copy it from the app registration&apos;s overview page.</source>
        <translation>Program-id&apos;et (klient) er et GUID; kopiér det fra oversigtssiden for appregistreringen.</translation>
    </message>
    <message>
        <source>Endpoints must be https:// addresses (http:// only on this computer).</source>
        <translation>Slutpunkter skal være https://-adresser (http:// kun på denne computer).</translation>
    </message>
    <message>
        <source>A profile called %1 already exists; choose another name.</source>
        <translation>Der findes allerede en profil med navnet %1; vælg et andet navn.</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Opretter den krypterede database…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Log på</translation>
    </message>
    <message>
        <source>Sign in with an administrator account of the tenant. Stocktake never sees your password; it keeps a refresh token in the keychain.</source>
        <translation>Log på med en administratorkonto i lejeren. Stocktake ser aldrig din adgangskode; programmet gemmer et opdateringstoken i nøgleringen.</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Annuller synkronisering</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>Første synkronisering</translation>
    </message>
    <message>
        <source>Stocktake reads the directory, licenses and apps first; sign-in history follows in the background and can take hours in a large tenant. You can start working as soon as this finishes, or cancel: what is done stays saved.</source>
        <translation>Stocktake læser først mappen, licenserne og apps; logonhistorikken følger i baggrunden og kan tage timer i en stor lejer. Du kan begynde at arbejde, så snart dette er færdigt, eller annullere: Det, der er udført, forbliver gemt.</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synkroniseringsstatus</translation>
    </message>
    <message>
        <source>Synced data</source>
        <translation>Synkroniserede data</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n element</numerusform>
            <numerusform>%1: %n elementer</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starter…</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: annulleret</translation>
    </message>
    <message>
        <source>%1: skipped</source>
        <translation>%1: sprunget over</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sync cancelled; what finished is saved. Sync again from the window at any time.</source>
        <translation>Synkroniseringen blev annulleret; det, der blev færdigt, er gemt. Du kan når som helst synkronisere igen fra vinduet.</translation>
    </message>
    <message numerus="yes">
        <source>Done in %n second(s).</source>
        <translation>
            <numerusform>Udført på %n sekund.</numerusform>
            <numerusform>Udført på %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set up Stocktake</source>
        <translation>Konfigurer Stocktake</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Stocktake — %1</source>
        <translation>Stocktake — %1</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Sektioner</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Licenser</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>Stocktake is locked</source>
        <translation>Stocktake er låst</translation>
    </message>
    <message>
        <source>The data is encrypted and its key is out of memory.</source>
        <translation>Dataene er krypteret, og nøglen er fjernet fra hukommelsen.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synkronisering</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>Synkroniser &amp;nu</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hovedværktøjslinje</translation>
    </message>
    <message>
        <source>Reading the key from the keychain…</source>
        <translation>Læser nøglen fra nøgleringen…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkroniserer…</translation>
    </message>
    <message>
        <source>Syncing %1: %2 items</source>
        <translation>Synkroniserer %1: %2 elementer</translation>
    </message>
    <message numerus="yes">
        <source>, about %n minute(s) left</source>
        <translation>
            <numerusform>, ca. %n minut tilbage</numerusform>
            <numerusform>, ca. %n minutter tilbage</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled; what finished is saved.</source>
        <translation>Synkroniseringen blev annulleret; det, der blev færdigt, er gemt.</translation>
    </message>
    <message numerus="yes">
        <source>Sync finished in %n second(s).</source>
        <translation>
            <numerusform>Synkroniseringen blev fuldført på %n sekund.</numerusform>
            <numerusform>Synkroniseringen blev fuldført på %n sekunder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Eksporterede %n række til %1</numerusform>
            <numerusform>Eksporterede %n rækker til %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Log på…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Åbner %1…</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Log på %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Logget på.</translation>
    </message>
    <message>
        <source>Use Sync › Sign in.</source>
        <translation>Brug Synkronisering › Log på.</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::OverviewPage</name>
    <message>
        <source>Apps in use (30 days)</source>
        <translation>Apps i brug (30 dage)</translation>
    </message>
    <message>
        <source>Active people</source>
        <translation>Aktive personer</translation>
    </message>
    <message>
        <source>Seats used of purchased</source>
        <translation>Tildelte af købte licenser</translation>
    </message>
    <message>
        <source>Monthly license waste</source>
        <translation>Månedligt licensspild</translation>
    </message>
    <message>
        <source>Apps with high-privilege grants</source>
        <translation>Apps med højt privilegerede tilladelser</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Data pr.</translation>
    </message>
    <message>
        <source>License use per product</source>
        <translation>Licensforbrug pr. produkt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Købt</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Tildelt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktive</translation>
    </message>
    <message>
        <source>Figures as computed %1; updating…</source>
        <translation>Tal som beregnet %1; opdaterer…</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::ProfileSession</name>
    <message>
        <source>Stocktake is locked.</source>
        <translation>Stocktake er låst.</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::ReportPages</name>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
    <message>
        <source>SKU id</source>
        <translation>SKU-id</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Varenummer</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Købt</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Tildelt</translation>
    </message>
    <message>
        <source>Assigned users</source>
        <translation>Tildelte brugere</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ikke tildelt</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktive</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktive</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiverede</translation>
    </message>
    <message>
        <source>Reclaimable</source>
        <translation>Kan frigøres</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Enhedspris</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Monthly waste</source>
        <translation>Månedligt spild</translation>
    </message>
    <message>
        <source>App id</source>
        <translation>App-id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Leverandør</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Seen in</source>
        <translation>Fundet i</translation>
    </message>
    <message>
        <source>Microsoft</source>
        <translation>Microsoft</translation>
    </message>
    <message>
        <source>People (30 days)</source>
        <translation>Personer (30 dage)</translation>
    </message>
    <message>
        <source>Sign-ins (30 days)</source>
        <translation>Logons (30 dage)</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Sidst brugt</translation>
    </message>
    <message>
        <source>Consented</source>
        <translation>Samtykket</translation>
    </message>
    <message>
        <source>High-privilege scopes</source>
        <translation>Højt privilegerede områder</translation>
    </message>
    <message>
        <source>Annual spend</source>
        <translation>Årlige udgifter</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Bruger-id</translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation>Brugerhovednavn</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Stilling</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiveret</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Licenser</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Sidst aktiv</translation>
    </message>
    <message>
        <source>Apps (30 days)</source>
        <translation>Apps (30 dage)</translation>
    </message>
    <message>
        <source>licenses.csv</source>
        <translation>licenses.csv</translation>
    </message>
    <message>
        <source>Reclaim list: holders who are disabled, or enabled and not active within the inactivity window.</source>
        <translation>Frigørelsesliste: indehavere, der er deaktiveret, eller som er aktiveret, men ikke har været aktive inden for inaktivitetsperioden.</translation>
    </message>
    <message numerus="yes">
        <source>Reclaim list (not active in the last %n day(s))</source>
        <translation>
            <numerusform>Frigørelsesliste (ikke aktive den seneste %n dag)</numerusform>
            <numerusform>Frigørelsesliste (ikke aktive de seneste %n dage)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiveret</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>applications.csv</source>
        <translation>applications.csv</translation>
    </message>
    <message>
        <source>Seen in: %1</source>
        <translation>Fundet i: %1</translation>
    </message>
    <message>
        <source>Billing only</source>
        <translation>Kun fakturering</translation>
    </message>
    <message>
        <source>Found only in billing mail; no sign-ins.</source>
        <translation>Kun fundet i faktureringsmails; ingen logons.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>No successful sign-ins are known.</source>
        <translation>Der kendes ingen vellykkede logons.</translation>
    </message>
    <message>
        <source>Permission grants</source>
        <translation>Tildelte tilladelser</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Ressource</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Områder</translation>
    </message>
    <message>
        <source>No delegated permission grants.</source>
        <translation>Ingen tildelte delegerede tilladelser.</translation>
    </message>
    <message>
        <source>admin, for everyone</source>
        <translation>administrator, for alle</translation>
    </message>
    <message>
        <source>one person</source>
        <translation>én person</translation>
    </message>
    <message>
        <source>users.csv</source>
        <translation>users.csv</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Tildeling</translation>
    </message>
    <message>
        <source>No licenses.</source>
        <translation>Ingen licenser.</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkte</translation>
    </message>
    <message>
        <source>through a group</source>
        <translation>via en gruppe</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Logons</translation>
    </message>
    <message>
        <source>No successful sign-ins in the last 30 days.</source>
        <translation>Ingen vellykkede logons inden for de seneste 30 dage.</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::SettingsDialog</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %2 per year</source>
        <translation>%1 %2 pr. år</translation>
    </message>
    <message>
        <source>%1 %2 per month</source>
        <translation>%1 %2 pr. måned</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anvend</translation>
    </message>
    <message>
        <source>&amp;Set price</source>
        <translation>An&amp;giv pris</translation>
    </message>
    <message>
        <source>Use &amp;list price</source>
        <translation>Brug &amp;listepris</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>Åb&amp;n profil</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source>Inactivity window in days</source>
        <translation>Inaktivitetsperiode i dage</translation>
    </message>
    <message>
        <source>Apply the inactivity window</source>
        <translation>Anvend inaktivitetsperioden</translation>
    </message>
    <message>
        <source>&amp;Inactivity window:</source>
        <translation>&amp;Inaktivitetsperiode:</translation>
    </message>
    <message>
        <source>A person with a license who has not signed in within this many days counts as inactive, and the license as reclaimable. The licenses page, the overview and stocktake-cli report use it.</source>
        <translation>En person med en licens, der ikke har logget på inden for dette antal dage, regnes som inaktiv, og licensen kan frigøres. Siden Licenser, oversigten og stocktake-cli report bruger denne indstilling.</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapporter</translation>
    </message>
    <message>
        <source>License prices</source>
        <translation>Licenspriser</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Varenummer</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>Listepris</translation>
    </message>
    <message>
        <source>Your price</source>
        <translation>Din pris</translation>
    </message>
    <message>
        <source>Price amount</source>
        <translation>Prisbeløb</translation>
    </message>
    <message>
        <source>12.50</source>
        <translation>12.50</translation>
    </message>
    <message>
        <source>Currency code</source>
        <translation>Valutakode</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>DKK</translation>
    </message>
    <message>
        <source>Price period</source>
        <translation>Prisperiode</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pr. måned</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>pr. år</translation>
    </message>
    <message>
        <source>Set the price of the selected license</source>
        <translation>Angiv prisen på den valgte licens</translation>
    </message>
    <message>
        <source>Remove your price and use the list price</source>
        <translation>Fjern din pris, og brug listeprisen</translation>
    </message>
    <message>
        <source>Price of the selected license</source>
        <translation>Pris på den valgte licens</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>&amp;Beløb:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Valuta:</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriode:</translation>
    </message>
    <message>
        <source>License waste uses your price where you set one, else the bundled list price (Microsoft&apos;s US list prices, which may be out of date). Prices never mix currencies.</source>
        <translation>Licensspild beregnes med din pris, hvor du har angivet en, og ellers med den medfølgende listepris (Microsofts amerikanske listepriser, som kan være forældede). Priser i forskellige valutaer blandes aldrig.</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Priser</translation>
    </message>
    <message>
        <source>Tenant profiles</source>
        <translation>Lejerprofiler</translation>
    </message>
    <message>
        <source>Open the selected profile</source>
        <translation>Åbn den valgte profil</translation>
    </message>
    <message>
        <source>Opening another profile closes this one. Profiles kept behind a passphrase open from the command line (stocktake-cli --passphrase-stdin).</source>
        <translation>Når du åbner en anden profil, lukkes denne. Profiler, der er beskyttet med et adgangsudtryk, åbnes fra kommandolinjen (stocktake-cli --passphrase-stdin).</translation>
    </message>
    <message>
        <source>Pro&amp;files</source>
        <translation>Pro&amp;filer</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gemt.</translation>
    </message>
    <message>
        <source>list price</source>
        <translation>listepris</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (open)</source>
        <translation>%1 (åben)</translation>
    </message>
    <message>
        <source>%1 (passphrase)</source>
        <translation>%1 (adgangsudtryk)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 4217 currency code (EUR, USD, NOK, …).</source>
        <translation>&apos;%1&apos; er ikke en ISO 4217-valutakode (EUR, USD, NOK, …).</translation>
    </message>
    <message numerus="yes">
        <source>The amount is a plain number with &apos;.&apos; as the decimal point and at most %n decimal(s) for %1.</source>
        <translation>
            <numerusform>Beløbet er et almindeligt tal med &apos;.&apos; som decimaltegn og højst %n decimal for %1.</numerusform>
            <numerusform>Beløbet er et almindeligt tal med &apos;.&apos; som decimaltegn og højst %n decimaler for %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stocktake::ui::SignInPanel</name>
    <message>
        <source>With a &amp;code on any device (recommended)</source>
        <translation>Med en &amp;kode på en vilkårlig enhed (anbefales)</translation>
    </message>
    <message>
        <source>In this computer&apos;s &amp;browser</source>
        <translation>I denne computers &amp;browser</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Log på</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Kopiér ko&amp;de</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page</source>
        <translation>Åbn log&amp;onsiden</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Logonkode</translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; on any device, enter this code and sign in with an administrator account. Enter it only if you started this sign-in in Stocktake yourself.</source>
        <translation>Åbn &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; på en vilkårlig enhed, indtast denne kode, og log på med en administratorkonto. Indtast den kun, hvis du selv har startet dette logon i Stocktake.</translation>
    </message>
    <message>
        <source>Waiting for you to sign in…</source>
        <translation>Venter på, at du logger på…</translation>
    </message>
    <message>
        <source>Continue in your browser. If it did not open, open this address: %1</source>
        <translation>Fortsæt i din browser. Hvis den ikke blev åbnet, skal du åbne denne adresse: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Logget på.</translation>
    </message>
    <message>
        <source>Contacting the identity platform…</source>
        <translation>Kontakter identitetsplatformen…</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::TablePage</name>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Search this table</source>
        <translation>Søg i denne tabel</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>Filtrer %1</translation>
    </message>
    <message>
        <source>Filter column %1</source>
        <translation>Filtrer kolonnen %1</translation>
    </message>
    <message>
        <source>Column filters</source>
        <translation>Kolonnefiltre</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <source>The table could not be read: %1</source>
        <translation>Tabellen kunne ikke læses: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n række</numerusform>
            <numerusform>%n rækker</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiér</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>&amp;Eksportér til CSV…</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Kopiér de markerede rækker</translation>
    </message>
    <message>
        <source>Copies the selected rows as tab-separated text (%1)</source>
        <translation>Kopierer de markerede rækker som tabulatorsepareret tekst (%1)</translation>
    </message>
    <message>
        <source>Export this table to a CSV file</source>
        <translation>Eksportér denne tabel til en CSV-fil</translation>
    </message>
    <message>
        <source>Writes every row the table shows now, as filtered and sorted, to a CSV file</source>
        <translation>Skriver alle rækker, som tabellen viser nu, filtreret og sorteret, til en CSV-fil</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksporten mislykkedes</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Eksportér til CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Eksporterer til %1…</translation>
    </message>
</context>
</TS>
