<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>Opening the profile&apos;s encrypted database…
The first start after an update can take a minute while the database is upgraded.</source>
        <translation>Die verschlüsselte Datenbank des Profils wird geöffnet …
Der erste Start nach einem Update kann eine Minute dauern, während die Datenbank aktualisiert wird.</translation>
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
        <translation>Stocktake wurden in diesem Mandanten nicht die benötigten Berechtigungen erteilt. Bitten Sie einen Administrator, die Administratoreinwilligung zu erteilen, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Stocktake has not been granted the permissions it needs in this tenant. Ask an administrator to grant admin consent at %1, then sign in again.</source>
        <translation>Stocktake wurden in diesem Mandanten nicht die benötigten Berechtigungen erteilt. Bitten Sie einen Administrator, die Administratoreinwilligung unter %1 zu erteilen, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>Your organisation requires multi-factor authentication or another Conditional Access check. Sign in again interactively with &apos;stocktake-cli login&apos;.</source>
        <translation>Ihre Organisation erfordert eine mehrstufige Authentifizierung oder eine andere Prüfung für bedingten Zugriff. Melden Sie sich mit &apos;stocktake-cli login&apos; erneut interaktiv an.</translation>
    </message>
    <message>
        <source>The tenant does not know Stocktake&apos;s application (client) ID. Check the client ID in the profile, or ask an administrator to register the app.</source>
        <translation>Der Mandant kennt die Anwendungs-ID (Client) von Stocktake nicht. Prüfen Sie die Client-ID im Profil, oder bitten Sie einen Administrator, die App zu registrieren.</translation>
    </message>
    <message>
        <source>The tenant in the profile was not found. Check the tenant ID or domain name in the profile.</source>
        <translation>Der Mandant im Profil wurde nicht gefunden. Prüfen Sie die Mandanten-ID oder den Domänennamen im Profil.</translation>
    </message>
    <message>
        <source>Sign-in was declined. Run &apos;stocktake-cli login&apos; again if you want to sign in.</source>
        <translation>Die Anmeldung wurde abgelehnt. Führen Sie &apos;stocktake-cli login&apos; erneut aus, wenn Sie sich anmelden möchten.</translation>
    </message>
    <message>
        <source>The sign-in code expired before sign-in finished. Run &apos;stocktake-cli login&apos; again.</source>
        <translation>Der Anmeldecode ist abgelaufen, bevor die Anmeldung abgeschlossen war. Führen Sie &apos;stocktake-cli login&apos; erneut aus.</translation>
    </message>
    <message>
        <source>The sign-in code was not recognised. Run &apos;stocktake-cli login&apos; again and enter the new code.</source>
        <translation>Der Anmeldecode wurde nicht erkannt. Führen Sie &apos;stocktake-cli login&apos; erneut aus, und geben Sie den neuen Code ein.</translation>
    </message>
    <message>
        <source>Your sign-in has expired or was revoked. Sign in again with &apos;stocktake-cli login&apos;.</source>
        <translation>Ihre Anmeldung ist abgelaufen oder wurde widerrufen. Melden Sie sich mit &apos;stocktake-cli login&apos; erneut an.</translation>
    </message>
    <message>
        <source>The service needs you to sign in interactively. Sign in again with &apos;stocktake-cli login&apos;.</source>
        <translation>Der Dienst erfordert eine interaktive Anmeldung. Melden Sie sich mit &apos;stocktake-cli login&apos; erneut an.</translation>
    </message>
    <message>
        <source>The sign-in service is temporarily unavailable. Try again in a few minutes.</source>
        <translation>Der Anmeldedienst ist vorübergehend nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>The sign-in service refused the request. Check the tenant and client ID in the profile, then sign in again.</source>
        <translation>Der Anmeldedienst hat die Anforderung abgelehnt. Prüfen Sie den Mandanten und die Client-ID im Profil, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>The sign-in service could not be reached. Check the network connection and try again.</source>
        <translation>Der Anmeldedienst ist nicht erreichbar. Prüfen Sie die Netzwerkverbindung, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Sign-in was cancelled.</source>
        <translation>Die Anmeldung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The sign-in service did not accept the answer from the browser (the code or its PKCE proof was refused). Sign in again.</source>
        <translation>Der Anmeldedienst hat die Antwort des Browsers nicht akzeptiert (der Code oder sein PKCE-Nachweis wurde abgelehnt). Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The browser&apos;s answer did not belong to this sign-in and was ignored. Close other sign-in tabs and sign in again.</source>
        <translation>Die Antwort des Browsers gehörte nicht zu dieser Anmeldung und wurde ignoriert. Schließen Sie andere Anmelderegisterkarten, und melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Sign-in in the browser did not finish in time. Sign in again and complete it in the browser.</source>
        <translation>Die Anmeldung im Browser wurde nicht rechtzeitig abgeschlossen. Melden Sie sich erneut an, und schließen Sie die Anmeldung im Browser ab.</translation>
    </message>
    <message>
        <source>The browser&apos;s answer came from another sign-in service than the profile&apos;s, so Stocktake did not use it. Sign in again.</source>
        <translation>Die Antwort des Browsers stammt von einem anderen Anmeldedienst als dem des Profils, daher hat Stocktake sie nicht verwendet. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This profile is not signed in. Sign in with &apos;stocktake-cli login&apos; or in the app.</source>
        <translation>Dieses Profil ist nicht angemeldet. Melden Sie sich mit &apos;stocktake-cli login&apos; oder in der App an.</translation>
    </message>
    <message>
        <source>The sign-in service did not let Stocktake stay signed in (no refresh token: offline_access was not granted). Check the app registration&apos;s permissions, then sign in again.</source>
        <translation>Der Anmeldedienst hat Stocktake nicht erlaubt, angemeldet zu bleiben (kein Aktualisierungstoken: offline_access wurde nicht erteilt). Prüfen Sie die Berechtigungen der App-Registrierung, und melden Sie sich dann erneut an.</translation>
    </message>
    <message>
        <source>This sign-in service does not offer sign-in with a code. Sign in with the browser instead.</source>
        <translation>Dieser Anmeldedienst bietet keine Anmeldung mit einem Code an. Melden Sie sich stattdessen über den Browser an.</translation>
    </message>
    <message>
        <source>Stocktake could not open a local port for the browser&apos;s answer. Sign in with a code instead (--device-code).</source>
        <translation>Stocktake konnte keinen lokalen Port für die Antwort des Browsers öffnen. Melden Sie sich stattdessen mit einem Code an (--device-code).</translation>
    </message>
</context>
<context>
    <name>stocktake::auth::IdentityHttp</name>
    <message>
        <source>The sign-in service sent an answer Stocktake cannot use. Try again later; if it goes on, check the identity platform address in the profile.</source>
        <translation>Der Anmeldedienst hat eine Antwort gesendet, die Stocktake nicht verwenden kann. Versuchen Sie es später erneut; wenn das Problem bestehen bleibt, prüfen Sie die Adresse der Identitätsplattform im Profil.</translation>
    </message>
</context>
<context>
    <name>stocktake::auth::OidcDiscovery</name>
    <message>
        <source>The identity platform address in the profile must be an https:// URL (http:// only for a loopback host). Fix the profile&apos;s authority.</source>
        <translation>Die Adresse der Identitätsplattform im Profil muss eine https://-URL sein (http:// nur für einen Loopback-Host). Korrigieren Sie die Autorität des Profils.</translation>
    </message>
    <message>
        <source>The sign-in service&apos;s configuration does not match the identity platform address and tenant in the profile, so Stocktake did not use it. Check the profile&apos;s authority and tenant.</source>
        <translation>Die Konfiguration des Anmeldedienstes passt nicht zur Adresse der Identitätsplattform und zum Mandanten im Profil, daher hat Stocktake sie nicht verwendet. Prüfen Sie die Autorität und den Mandanten des Profils.</translation>
    </message>
</context>
<context>
    <name>stocktake::auth::TokenEndpoint</name>
    <message>
        <source>The sign-in service sent an answer Stocktake cannot use. Try again later; if it goes on, check the identity platform address in the profile.</source>
        <translation>Der Anmeldedienst hat eine Antwort gesendet, die Stocktake nicht verwenden kann. Versuchen Sie es später erneut; wenn das Problem bestehen bleibt, prüfen Sie die Adresse der Identitätsplattform im Profil.</translation>
    </message>
    <message>
        <source>The sign-in service answered with a redirect, which Stocktake never follows for sign-in. Check the identity platform address in the profile.</source>
        <translation>Der Anmeldedienst hat mit einer Umleitung geantwortet, der Stocktake bei der Anmeldung nie folgt. Prüfen Sie die Adresse der Identitätsplattform im Profil.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::DbCommand</name>
    <message>
        <source>Checks the encrypted database (or a backup) for damage and tampering, gives it a fresh key, or writes an encrypted backup.</source>
        <translation>Prüft die verschlüsselte Datenbank (oder eine Sicherung) auf Beschädigung und Manipulation, versieht sie mit einem neuen Schlüssel oder schreibt eine verschlüsselte Sicherung.</translation>
    </message>
    <message>
        <source>Say db check [FILE], db rekey or db backup FILE. See stocktake-cli --help.</source>
        <translation>Geben Sie db check [FILE], db rekey oder db backup FILE an. Siehe stocktake-cli --help.</translation>
    </message>
    <message>
        <source>ok: the cipher (page HMAC) and SQLite integrity checks of %1 passed.</source>
        <translation>ok: Die Verschlüsselungsprüfung (Seiten-HMAC) und die SQLite-Integritätsprüfung von %1 waren erfolgreich.</translation>
    </message>
    <message>
        <source>There is no file %1.</source>
        <translation>Die Datei %1 ist nicht vorhanden.</translation>
    </message>
    <message>
        <source>The database has a new key; the old key no longer opens it.</source>
        <translation>Die Datenbank hat einen neuen Schlüssel; der alte Schlüssel öffnet sie nicht mehr.</translation>
    </message>
    <message>
        <source>Wrote an encrypted backup to %1; stocktake-cli db check %1 verifies it.</source>
        <translation>Eine verschlüsselte Sicherung wurde nach %1 geschrieben; stocktake-cli db check %1 überprüft sie.</translation>
    </message>
    <message numerus="yes">
        <source> (and %n more)</source>
        <translation>
            <numerusform> (und %n weiteres)</numerusform>
            <numerusform> (und %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed its integrity check: %2%3. Restore a backup; the data may have been tampered with.</source>
        <translation>%1 hat die Integritätsprüfung nicht bestanden: %2%3. Stellen Sie eine Sicherung wieder her; die Daten wurden möglicherweise manipuliert.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::LoginCommand</name>
    <message>
        <source>Signs the profile in to its tenant: in this computer&apos;s browser (authorization code with PKCE, the default) or with a code entered on any device (--device-code). The refresh token goes to the keychain; --no-open prints the browser address instead of opening it.</source>
        <translation>Meldet das Profil bei seinem Mandanten an: im Browser dieses Computers (Autorisierungscode mit PKCE, Standard) oder mit einem Code, der auf einem beliebigen Gerät eingegeben wird (--device-code). Das Aktualisierungstoken wird im Schlüsselbund gespeichert; --no-open gibt die Browseradresse aus, statt sie zu öffnen.</translation>
    </message>
    <message>
        <source>login takes no arguments besides --device-code, --browser and --no-open.</source>
        <translation>login erwartet außer --device-code, --browser und --no-open keine Argumente.</translation>
    </message>
    <message>
        <source>Choose one of --device-code and --browser.</source>
        <translation>Wählen Sie entweder --device-code oder --browser.</translation>
    </message>
    <message>
        <source>To sign in, open %1 in a browser on any device and enter the code %2</source>
        <translation>Öffnen Sie zum Anmelden %1 in einem Browser auf einem beliebigen Gerät, und geben Sie den Code %2 ein</translation>
    </message>
    <message>
        <source>Enter the code only if you started this sign-in in Stocktake yourself.</source>
        <translation>Geben Sie den Code nur ein, wenn Sie diese Anmeldung selbst in Stocktake gestartet haben.</translation>
    </message>
    <message>
        <source>Waiting for the sign-in to finish…</source>
        <translation>Warten auf den Abschluss der Anmeldung…</translation>
    </message>
    <message>
        <source>Open this address in a browser on this computer to sign in:</source>
        <translation>Öffnen Sie diese Adresse in einem Browser auf diesem Computer, um sich anzumelden:</translation>
    </message>
    <message>
        <source>Opening the sign-in page in your browser. If it does not open, open this address in a browser on this computer:</source>
        <translation>Die Anmeldeseite wird in Ihrem Browser geöffnet. Wenn sie sich nicht öffnet, öffnen Sie diese Adresse in einem Browser auf diesem Computer:</translation>
    </message>
    <message>
        <source>Signed in: profile %1, tenant %2.</source>
        <translation>Angemeldet: Profil %1, Mandant %2.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::LogoutCommand</name>
    <message>
        <source>Deletes this profile&apos;s refresh token from the keychain (or its passphrase vault); sign in again with login.</source>
        <translation>Löscht das Aktualisierungstoken dieses Profils aus dem Schlüsselbund (oder seinem Passphrase-Tresor); melden Sie sich mit login erneut an.</translation>
    </message>
    <message>
        <source>logout takes no arguments.</source>
        <translation>logout erwartet keine Argumente.</translation>
    </message>
    <message>
        <source>Signed out: profile %1 holds no refresh token now.</source>
        <translation>Abgemeldet: Profil %1 enthält jetzt kein Aktualisierungstoken mehr.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::PriceCommand</name>
    <message>
        <source>Sets a unit price used for license waste and spend; it wins over the bundled list price.</source>
        <translation>Legt einen Stückpreis für Lizenzverschwendung und Ausgaben fest; er hat Vorrang vor dem mitgelieferten Listenpreis.</translation>
    </message>
    <message>
        <source>Use: price set SKU_PART_NUMBER_OR_APP AMOUNT CURRENCY [--per month|year].</source>
        <translation>Aufruf: price set SKU_PART_NUMBER_OR_APP AMOUNT CURRENCY [--per month|year].</translation>
    </message>
    <message>
        <source>price set takes a SKU part number or app id, an amount and a currency.</source>
        <translation>price set erwartet eine SKU-Teilenummer oder App-ID, einen Betrag und eine Währung.</translation>
    </message>
    <message>
        <source>The SKU part number or app id cannot be empty or hold spaces.</source>
        <translation>Die SKU-Teilenummer oder App-ID darf nicht leer sein und keine Leerzeichen enthalten.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 4217 currency code (EUR, USD, NOK, …).</source>
        <translation>&apos;%1&apos; ist kein ISO-4217-Währungscode (EUR, USD, NOK, …).</translation>
    </message>
    <message numerus="yes">
        <source>AMOUNT is a plain non-negative number with &apos;.&apos; as the decimal point and at most %n decimal(s) for %1, e.g. 12.50.</source>
        <translation>
            <numerusform>AMOUNT ist eine einfache nicht negative Zahl mit &apos;.&apos; als Dezimaltrennzeichen und höchstens %n Nachkommastelle für %1, z. B. 12.50.</numerusform>
            <numerusform>AMOUNT ist eine einfache nicht negative Zahl mit &apos;.&apos; als Dezimaltrennzeichen und höchstens %n Nachkommastellen für %1, z. B. 12.50.</numerusform>
        </translation>
    </message>
    <message>
        <source>--per is month or year.</source>
        <translation>--per ist month oder year.</translation>
    </message>
    <message>
        <source>%1: %2 %3 per year</source>
        <translation>%1: %2 %3 pro Jahr</translation>
    </message>
    <message>
        <source>%1: %2 %3 per month</source>
        <translation>%1: %2 %3 pro Monat</translation>
    </message>
    <message>
        <source>note: no synced license or app is called %1 yet; the price applies once one is.</source>
        <translation>Hinweis: Noch keine synchronisierte Lizenz oder App heißt %1; der Preis gilt, sobald es eine gibt.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::ProfileAccess</name>
    <message>
        <source>This profile is protected by a passphrase: give it on standard input with --passphrase-stdin.</source>
        <translation>Dieses Profil ist durch eine Passphrase geschützt: Geben Sie sie mit --passphrase-stdin über die Standardeingabe an.</translation>
    </message>
    <message>
        <source>Cannot read the passphrase from standard input.</source>
        <translation>Die Passphrase kann nicht aus der Standardeingabe gelesen werden.</translation>
    </message>
    <message>
        <source>The passphrase on standard input is empty.</source>
        <translation>Die Passphrase in der Standardeingabe ist leer.</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 erfordert einen Wert.</translation>
    </message>
    <message>
        <source>Unknown option %1. See stocktake-cli --help.</source>
        <translation>Unbekannte Option %1. Siehe stocktake-cli --help.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::ProfileCommand</name>
    <message>
        <source>Creates, lists and removes tenant profiles and their encrypted databases.</source>
        <translation>Legt Mandantenprofile und ihre verschlüsselten Datenbanken an, listet sie auf und entfernt sie.</translation>
    </message>
    <message>
        <source>Say profile add, profile list or profile remove. See stocktake-cli --help.</source>
        <translation>Geben Sie profile add, profile list oder profile remove an. Siehe stocktake-cli --help.</translation>
    </message>
    <message>
        <source>profile add needs exactly one NAME.</source>
        <translation>profile add erwartet genau einen NAME.</translation>
    </message>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Ein Profilname besteht aus 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; und beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>profile add needs --tenant (a tenant id or domain).</source>
        <translation>profile add erwartet --tenant (eine Mandanten-ID oder Domäne).</translation>
    </message>
    <message>
        <source>--tenant must be a tenant id (GUID) or a domain such as contoso.com.</source>
        <translation>--tenant muss eine Mandanten-ID (GUID) oder eine Domäne wie contoso.com sein.</translation>
    </message>
    <message>
        <source>--client-id must be an application (client) id, a GUID.</source>
        <translation>--client-id muss eine Anwendungs-ID (Client) sein, also eine GUID.</translation>
    </message>
    <message>
        <source>--authority must be an https:// URL (http:// only for a loopback host).</source>
        <translation>--authority muss eine https://-URL sein (http:// nur für einen Loopback-Host).</translation>
    </message>
    <message>
        <source>--graph must be an https:// URL (http:// only for a loopback host).</source>
        <translation>--graph muss eine https://-URL sein (http:// nur für einen Loopback-Host).</translation>
    </message>
    <message>
        <source>--key-storage is keychain or passphrase.</source>
        <translation>--key-storage ist keychain oder passphrase.</translation>
    </message>
    <message>
        <source>A passphrase profile needs its passphrase on standard input: add --passphrase-stdin.</source>
        <translation>Ein Passphrase-Profil benötigt seine Passphrase über die Standardeingabe: Fügen Sie --passphrase-stdin hinzu.</translation>
    </message>
    <message>
        <source>A profile called %1 already exists.</source>
        <translation>Ein Profil namens %1 ist bereits vorhanden.</translation>
    </message>
    <message>
        <source>Created profile %1 (%2 key storage): %3</source>
        <translation>Profil %1 angelegt (Schlüsselspeicher: %2): %3</translation>
    </message>
    <message>
        <source>profile list takes no arguments.</source>
        <translation>profile list erwartet keine Argumente.</translation>
    </message>
    <message>
        <source>profile remove needs exactly one NAME.</source>
        <translation>profile remove erwartet genau einen NAME.</translation>
    </message>
    <message>
        <source>profile remove deletes the key, the tokens and all data of the profile for good. Add --yes to do it.</source>
        <translation>profile remove löscht den Schlüssel, die Token und alle Daten des Profils endgültig. Fügen Sie --yes hinzu, um dies zu tun.</translation>
    </message>
    <message>
        <source>Removed profile %1: its key, tokens and files are gone.</source>
        <translation>Profil %1 entfernt: Schlüssel, Token und Dateien sind gelöscht.</translation>
    </message>
    <message>
        <source>--redirect-host is localhost or 127.0.0.1.</source>
        <translation>--redirect-host muss localhost oder 127.0.0.1 sein.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::ReportCommand</name>
    <message>
        <source>Prints the applications, licenses or users report (columns as in METRICS.md), computed as of the last sync; pdf needs --output.</source>
        <translation>Gibt den Bericht zu Anwendungen, Lizenzen oder Benutzern aus (Spalten wie in METRICS.md), berechnet zum Stand der letzten Synchronisierung; pdf erfordert --output.</translation>
    </message>
    <message>
        <source>report takes one of: apps, licenses, users.</source>
        <translation>report erwartet eines von: apps, licenses, users.</translation>
    </message>
    <message>
        <source>`report %1` is not available in this build yet; use apps, licenses or users.</source>
        <translation>`report %1` ist in diesem Build noch nicht verfügbar; verwenden Sie apps, licenses oder users.</translation>
    </message>
    <message>
        <source>Unknown report &apos;%1&apos;: use apps, licenses or users.</source>
        <translation>Unbekannter Bericht &apos;%1&apos;: Verwenden Sie apps, licenses oder users.</translation>
    </message>
    <message>
        <source>--format is csv, json or pdf.</source>
        <translation>--format ist csv, json oder pdf.</translation>
    </message>
    <message>
        <source>--output needs a file name.</source>
        <translation>--output erfordert einen Dateinamen.</translation>
    </message>
    <message>
        <source>--format pdf needs --output FILE: a PDF is not written to a terminal.</source>
        <translation>--format pdf erfordert --output FILE: Eine PDF-Datei wird nicht in ein Terminal geschrieben.</translation>
    </message>
    <message>
        <source>PDF reports need Qt&apos;s graphics module, which did not start. Use csv or json.</source>
        <translation>PDF-Berichte benötigen das Grafikmodul von Qt, das nicht gestartet werden konnte. Verwenden Sie csv oder json.</translation>
    </message>
    <message>
        <source>--as-of is an ISO 8601 date (2026-11-01) or date and time (2026-11-01T12:00:00Z).</source>
        <translation>--as-of ist ein ISO-8601-Datum (2026-11-01) oder ein Datum mit Uhrzeit (2026-11-01T12:00:00Z).</translation>
    </message>
    <message>
        <source>--inactive-days is a whole number of days from 1 to 3650.</source>
        <translation>--inactive-days ist eine ganze Zahl von Tagen zwischen 1 und 3650.</translation>
    </message>
    <message>
        <source>License use</source>
        <translation>Lizenznutzung</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>The report could not be written to standard output. Check where it is redirected.</source>
        <translation>Der Bericht konnte nicht in die Standardausgabe geschrieben werden. Prüfen Sie, wohin sie umgeleitet wird.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::Runner</name>
    <message>
        <source>Usage: stocktake-cli [--home DIR] [--profile NAME] [--passphrase-stdin] [--quiet|--verbose] COMMAND [ARGS]

Commands:
</source>
        <translation>Aufruf: stocktake-cli [--home DIR] [--profile NAME] [--passphrase-stdin] [--quiet|--verbose] COMMAND [ARGS]

Befehle:
</translation>
    </message>
    <message>
        <source>
Exit codes: 0 done, 1 failed, 2 usage, 3 sign-in needed or refused, 4 service unreachable, 5 local store refused, 6 bad input file.
</source>
        <translation>
Exitcodes: 0 erledigt, 1 fehlgeschlagen, 2 falscher Aufruf, 3 Anmeldung erforderlich oder abgelehnt, 4 Dienst nicht erreichbar, 5 lokaler Speicher verweigert, 6 ungültige Eingabedatei.
</translation>
    </message>
    <message>
        <source>--home needs a folder.</source>
        <translation>--home erfordert einen Ordner.</translation>
    </message>
    <message>
        <source>--profile needs a name.</source>
        <translation>--profile erfordert einen Namen.</translation>
    </message>
    <message>
        <source>Unknown option %1. See stocktake-cli --help.</source>
        <translation>Unbekannte Option %1. Siehe stocktake-cli --help.</translation>
    </message>
    <message>
        <source>Unknown command %1. See stocktake-cli --help.</source>
        <translation>Unbekannter Befehl %1. Siehe stocktake-cli --help.</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::StatusCommand</name>
    <message>
        <source>Shows the database path, key storage, schema version, row counts and the last sync per entity.</source>
        <translation>Zeigt den Datenbankpfad, den Schlüsselspeicher, die Schemaversion, die Zeilenanzahl und die letzte Synchronisierung je Entität an.</translation>
    </message>
    <message>
        <source>status takes no arguments besides --format.</source>
        <translation>status erwartet außer --format keine Argumente.</translation>
    </message>
    <message>
        <source>--format is text or json.</source>
        <translation>--format ist text oder json.</translation>
    </message>
    <message>
        <source>profile: %1 (tenant %2)</source>
        <translation>Profil: %1 (Mandant %2)</translation>
    </message>
    <message>
        <source>database: %1</source>
        <translation>Datenbank: %1</translation>
    </message>
    <message>
        <source>key storage: %1</source>
        <translation>Schlüsselspeicher: %1</translation>
    </message>
    <message>
        <source>schema version: %1 (SQLCipher %2)</source>
        <translation>Schemaversion: %1 (SQLCipher %2)</translation>
    </message>
    <message>
        <source>rows:</source>
        <translation>Zeilen:</translation>
    </message>
    <message>
        <source>last sync:</source>
        <translation>Letzte Synchronisierung:</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>stocktake::cli::SyncCommand</name>
    <message>
        <source>, about %1 left</source>
        <translation>, noch etwa %1</translation>
    </message>
    <message>
        <source>%1: %2 items, %3 pages</source>
        <translation>%1: %2 Elemente, %3 Seiten</translation>
    </message>
    <message>
        <source>%1: %2 records were malformed and skipped (ids in the log).</source>
        <translation>%1: %2 Datensätze waren fehlerhaft und wurden übersprungen (IDs im Protokoll).</translation>
    </message>
    <message>
        <source>The sync was cancelled; the data of every finished entity is saved.</source>
        <translation>Die Synchronisierung wurde abgebrochen; die Daten aller abgeschlossenen Entitäten sind gespeichert.</translation>
    </message>
    <message>
        <source>Syncs the tenant from Microsoft Graph into the encrypted store: incremental by default (delta links, sign-in high-water mark); LIST from organization,users,groups,licenses,apps,grants,signins,usage. --signin-days: how many days of sign-in history to backfill (1 to 30, default 30).</source>
        <translation>Synchronisiert den Mandanten aus Microsoft Graph in den verschlüsselten Speicher: standardmäßig inkrementell (Delta-Links, Höchststand der Anmeldungen); LIST aus organization,users,groups,licenses,apps,grants,signins,usage. --signin-days: wie viele Tage Anmeldeverlauf nachträglich abgerufen werden (1 bis 30, Standard 30).</translation>
    </message>
    <message>
        <source>sync takes no arguments besides --only, --full and --signin-days.</source>
        <translation>sync erwartet außer --only, --full und --signin-days keine Argumente.</translation>
    </message>
    <message>
        <source>--signin-days is a whole number from 1 to 30.</source>
        <translation>--signin-days ist eine ganze Zahl zwischen 1 und 30.</translation>
    </message>
</context>
<context>
    <name>stocktake::core::Home</name>
    <message>
        <source>Stocktake cannot use its data folder %1. Check that it exists, belongs to you and the disk is not full.</source>
        <translation>Stocktake kann seinen Datenordner %1 nicht verwenden. Prüfen Sie, ob er vorhanden ist und Ihnen gehört und ob der Datenträger nicht voll ist.</translation>
    </message>
</context>
<context>
    <name>stocktake::core::Money</name>
    <message>
        <source>The amount is not a valid number for its currency. Write it with &apos;.&apos; as the decimal point, for example 1234.50.</source>
        <translation>Der Betrag ist keine gültige Zahl für seine Währung. Schreiben Sie ihn mit &apos;.&apos; als Dezimaltrennzeichen, zum Beispiel 1234.50.</translation>
    </message>
</context>
<context>
    <name>stocktake::exporting::AtomicFile</name>
    <message>
        <source>The export file could not be written. Check the folder exists, is writable and has free space.</source>
        <translation>Die Exportdatei konnte nicht geschrieben werden. Prüfen Sie, ob der Ordner vorhanden und beschreibbar ist und freien Speicherplatz hat.</translation>
    </message>
</context>
<context>
    <name>stocktake::exporting::PdfReportWriter</name>
    <message>
        <source>%1 — data as of %2</source>
        <translation>%1 — Datenstand %2</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>Erstellt %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
</context>
<context>
    <name>stocktake::graph::GraphError</name>
    <message>
        <source>Microsoft Graph did not return %1: this needs a Microsoft Entra ID P1 or P2 licence, which the tenant does not have. Everything else is synced; add P1 to see last sign-ins and sign-in logs.</source>
        <translation>Microsoft Graph hat %1 nicht zurückgegeben: Dafür ist eine Lizenz für Microsoft Entra ID P1 oder P2 erforderlich, die der Mandant nicht hat. Alles andere ist synchronisiert; fügen Sie P1 hinzu, um die letzten Anmeldungen und die Anmeldeprotokolle zu sehen.</translation>
    </message>
    <message>
        <source>Microsoft Graph refused access to %1 (%2): the permission Stocktake needs for it has not been granted. Ask a Global or Privileged Role Administrator to grant admin consent to Stocktake, and make sure your account holds a role that may read it (for example Global Reader), then sync again.</source>
        <translation>Microsoft Graph hat den Zugriff auf %1 verweigert (%2): Die dafür benötigte Berechtigung wurde Stocktake nicht erteilt. Bitten Sie einen globalen Administrator oder einen Administrator für privilegierte Rollen, Stocktake die Administratoreinwilligung zu erteilen, und stellen Sie sicher, dass Ihr Konto eine Rolle hat, die diese Daten lesen darf (zum Beispiel „Globaler Leser“). Synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Microsoft Graph no longer accepts the saved change token for %1; Stocktake will read it in full.</source>
        <translation>Microsoft Graph akzeptiert das gespeicherte Änderungstoken für %1 nicht mehr; Stocktake liest die Daten vollständig neu ein.</translation>
    </message>
    <message>
        <source>Microsoft Graph could not find %1 (404). Check that the Graph address of this profile is right, then sync again.</source>
        <translation>Microsoft Graph konnte %1 nicht finden (404). Prüfen Sie, ob die Graph-Adresse dieses Profils richtig ist, und synchronisieren Sie dann erneut.</translation>
    </message>
    <message>
        <source>Microsoft Graph rejected Stocktake&apos;s request for %1 (400 %2). This is a Stocktake fault; please report it with the log.</source>
        <translation>Microsoft Graph hat die Anforderung von Stocktake für %1 abgelehnt (400 %2). Dies ist ein Fehler in Stocktake; bitte melden Sie ihn zusammen mit dem Protokoll.</translation>
    </message>
    <message>
        <source>Microsoft Graph answered %1 with an unexpected status %2. Try the sync again later.</source>
        <translation>Microsoft Graph hat auf %1 mit dem unerwarteten Status %2 geantwortet. Versuchen Sie die Synchronisierung später erneut.</translation>
    </message>
    <message>
        <source>The Graph address %1 is not allowed: use https://, or http:// only for a loopback address (127.0.0.1, [::1], localhost).</source>
        <translation>Die Graph-Adresse %1 ist nicht zulässig: Verwenden Sie https://, oder http:// nur für eine Loopback-Adresse (127.0.0.1, [::1], localhost).</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a link for %1 that points outside the Graph address of this profile; Stocktake did not follow it, so your sign-in was not sent elsewhere. Check the profile&apos;s Graph address and sync again.</source>
        <translation>Microsoft Graph hat für %1 einen Link gesendet, der außerhalb der Graph-Adresse dieses Profils liegt; Stocktake ist ihm nicht gefolgt, Ihre Anmeldung wurde also nicht anderswohin gesendet. Prüfen Sie die Graph-Adresse des Profils, und synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>Microsoft Graph did not accept your sign-in while reading %1, even after renewing it. Sign in again with `stocktake-cli login`.</source>
        <translation>Microsoft Graph hat Ihre Anmeldung beim Lesen von %1 nicht akzeptiert, auch nicht nach deren Erneuerung. Melden Sie sich mit `stocktake-cli login` erneut an.</translation>
    </message>
    <message>
        <source>Microsoft Graph kept asking Stocktake to slow down while reading %1 (HTTP %2), past the retry budget. Nothing was lost; try the sync again in a few minutes.</source>
        <translation>Microsoft Graph hat Stocktake beim Lesen von %1 wiederholt zur Drosselung aufgefordert (HTTP %2), über das Limit für Wiederholungsversuche hinaus. Es ging nichts verloren; versuchen Sie die Synchronisierung in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>Microsoft Graph kept failing while reading %1 (HTTP %2). Nothing was lost; try the sync again later.</source>
        <translation>Microsoft Graph ist beim Lesen von %1 wiederholt fehlgeschlagen (HTTP %2). Es ging nichts verloren; versuchen Sie die Synchronisierung später erneut.</translation>
    </message>
    <message>
        <source>Microsoft Graph stopped answering while Stocktake read %1. Check the network connection and sync again.</source>
        <translation>Microsoft Graph hat nicht mehr geantwortet, während Stocktake %1 gelesen hat. Prüfen Sie die Netzwerkverbindung, und synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>Stocktake could not reach Microsoft Graph to read %1. Check the network connection and sync again.</source>
        <translation>Stocktake konnte Microsoft Graph nicht erreichen, um %1 zu lesen. Prüfen Sie die Netzwerkverbindung, und synchronisieren Sie erneut.</translation>
    </message>
    <message>
        <source>The secure connection to Microsoft Graph for %1 could not be verified, so Stocktake stopped. Check the system&apos;s certificates and any proxy that intercepts TLS.</source>
        <translation>Die sichere Verbindung zu Microsoft Graph für %1 konnte nicht überprüft werden, daher hat Stocktake angehalten. Prüfen Sie die Zertifikate des Systems und jeden Proxy, der TLS abfängt.</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a response larger than Stocktake accepts; it was dropped. Try the sync again; if it repeats, report it with the log.</source>
        <translation>Microsoft Graph hat eine Antwort gesendet, die größer ist, als Stocktake akzeptiert; sie wurde verworfen. Versuchen Sie die Synchronisierung erneut; wenn das wieder auftritt, melden Sie es zusammen mit dem Protokoll.</translation>
    </message>
    <message>
        <source>Microsoft Graph sent a response Stocktake could not read (damaged or cut short). Nothing was stored from it; try the sync again.</source>
        <translation>Microsoft Graph hat eine Antwort gesendet, die Stocktake nicht lesen konnte (beschädigt oder abgeschnitten). Daraus wurde nichts gespeichert; versuchen Sie die Synchronisierung erneut.</translation>
    </message>
    <message>
        <source>The sync was cancelled.</source>
        <translation>Die Synchronisierung wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>stocktake::graph::Parsers</name>
    <message>
        <source>Microsoft Graph sent a record Stocktake could not read; it was skipped.</source>
        <translation>Microsoft Graph hat einen Datensatz gesendet, den Stocktake nicht lesen konnte; er wurde übersprungen.</translation>
    </message>
    <message>
        <source>The Microsoft 365 usage report could not be read (its columns were not the expected ones). Try the sync again later.</source>
        <translation>Der Microsoft 365-Nutzungsbericht konnte nicht gelesen werden (die Spalten entsprachen nicht den erwarteten). Versuchen Sie die Synchronisierung später erneut.</translation>
    </message>
</context>
<context>
    <name>stocktake::insights::ReportContext</name>
    <message>
        <source>The figures could not be read from the local database. Run `stocktake-cli db check`.</source>
        <translation>Die Zahlen konnten nicht aus der lokalen Datenbank gelesen werden. Führen Sie `stocktake-cli db check` aus.</translation>
    </message>
    <message>
        <source>Users have not been synced yet, so there is nothing to report. Run `stocktake-cli sync`, or give --as-of.</source>
        <translation>Benutzer wurden noch nicht synchronisiert, daher gibt es nichts zu berichten. Führen Sie `stocktake-cli sync` aus, oder geben Sie --as-of an.</translation>
    </message>
    <message>
        <source>The tenant does not give sign-in activity (it needs Entra ID P1 or P2 and the AuditLog.Read.All permission), so activity is unknown.</source>
        <translation>Der Mandant liefert keine Anmeldeaktivität (dafür sind Entra ID P1 oder P2 und die Berechtigung AuditLog.Read.All erforderlich), daher ist die Aktivität unbekannt.</translation>
    </message>
    <message>
        <source>No synced person carries sign-in activity yet, so activity is unknown. Sync users with an Entra ID P1 or P2 tenant.</source>
        <translation>Noch keine synchronisierte Person weist Anmeldeaktivität auf, daher ist die Aktivität unbekannt. Synchronisieren Sie Benutzer aus einem Mandanten mit Entra ID P1 oder P2.</translation>
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
        <translation>Nein</translation>
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
        <translation>Nein</translation>
    </message>
    <message>
        <source>The table could not be read from the local database. Run `stocktake-cli db check`.</source>
        <translation>Die Tabelle konnte nicht aus der lokalen Datenbank gelesen werden. Führen Sie `stocktake-cli db check` aus.</translation>
    </message>
</context>
<context>
    <name>stocktake::secrets::PassphraseKeyStore</name>
    <message>
        <source>The passphrase is wrong. Type the passphrase this profile was created with.</source>
        <translation>Die Passphrase ist falsch. Geben Sie die Passphrase ein, mit der dieses Profil angelegt wurde.</translation>
    </message>
    <message>
        <source>The passphrase vault %1 is damaged or unreadable. Restore it from a backup.</source>
        <translation>Der Passphrase-Tresor %1 ist beschädigt oder nicht lesbar. Stellen Sie ihn aus einer Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The passphrase vault holds no entry %1.</source>
        <translation>Der Passphrase-Tresor enthält keinen Eintrag %1.</translation>
    </message>
</context>
<context>
    <name>stocktake::secrets::QtKeychainStore</name>
    <message>
        <source>Stocktake cannot use the OS keychain (no Secret Service, Keychain or Credential Manager answered, or it is locked). Unlock or start it, or use a profile with --key-storage passphrase.</source>
        <translation>Stocktake kann den Schlüsselbund des Betriebssystems nicht verwenden (weder Secret Service noch Keychain noch Credential Manager hat geantwortet, oder er ist gesperrt). Entsperren oder starten Sie ihn, oder verwenden Sie ein Profil mit --key-storage passphrase.</translation>
    </message>
    <message>
        <source>The OS keychain refused Stocktake access to its entry. Allow the access and try again.</source>
        <translation>Der Schlüsselbund des Betriebssystems hat Stocktake den Zugriff auf seinen Eintrag verweigert. Erlauben Sie den Zugriff, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The OS keychain could not read or store a Stocktake entry. Try again; if it goes on, check the keychain.</source>
        <translation>Der Schlüsselbund des Betriebssystems konnte einen Stocktake-Eintrag nicht lesen oder speichern. Versuchen Sie es erneut; wenn das Problem bestehen bleibt, prüfen Sie den Schlüsselbund.</translation>
    </message>
    <message>
        <source>The OS keychain holds no entry %1 for Stocktake.</source>
        <translation>Der Schlüsselbund des Betriebssystems enthält keinen Eintrag %1 für Stocktake.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::FiguresCache</name>
    <message>
        <source>The saved figures could not be read or written in the local database. Run `stocktake-cli db check`.</source>
        <translation>Die gespeicherten Kennzahlen konnten in der lokalen Datenbank nicht gelesen oder geschrieben werden. Führen Sie `stocktake-cli db check` aus.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::Prices</name>
    <message>
        <source>A price needs a SKU part number or an app id.</source>
        <translation>Ein Preis erfordert eine SKU-Teilenummer oder eine App-ID.</translation>
    </message>
    <message>
        <source>A price cannot be negative.</source>
        <translation>Ein Preis darf nicht negativ sein.</translation>
    </message>
    <message>
        <source>A price is per month or per year.</source>
        <translation>Ein Preis gilt pro Monat oder pro Jahr.</translation>
    </message>
    <message>
        <source>The prices could not be read or saved in the local database. Run `stocktake-cli db check`.</source>
        <translation>Die Preise konnten in der lokalen Datenbank nicht gelesen oder gespeichert werden. Führen Sie `stocktake-cli db check` aus.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::ProfileKeys</name>
    <message>
        <source>No key for %1 is stored any more, so its data cannot be opened. Remove the profile and add it again.</source>
        <translation>Für %1 ist kein Schlüssel mehr gespeichert, daher können die Daten nicht geöffnet werden. Entfernen Sie das Profil, und fügen Sie es erneut hinzu.</translation>
    </message>
    <message>
        <source>Stocktake cannot delete %1. Check its permissions.</source>
        <translation>Stocktake kann %1 nicht löschen. Prüfen Sie die Berechtigungen.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::ProfileSettings</name>
    <message>
        <source>The settings could not be read or saved in the local database. Run `stocktake-cli db check`.</source>
        <translation>Die Einstellungen konnten in der lokalen Datenbank nicht gelesen oder gespeichert werden. Führen Sie `stocktake-cli db check` aus.</translation>
    </message>
    <message>
        <source>The inactivity window is a whole number of days from 1 to 3650.</source>
        <translation>Der Inaktivitätszeitraum ist eine ganze Zahl von Tagen zwischen 1 und 3650.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::ProfileStore</name>
    <message>
        <source>There is no profile yet. Create one with stocktake-cli profile add NAME --tenant ID.</source>
        <translation>Es gibt noch kein Profil. Legen Sie eines mit stocktake-cli profile add NAME --tenant ID an.</translation>
    </message>
    <message>
        <source>There are several profiles. Say which one with --profile NAME.</source>
        <translation>Es gibt mehrere Profile. Geben Sie mit --profile NAME an, welches.</translation>
    </message>
    <message>
        <source>There is no profile called %1. See stocktake-cli profile list.</source>
        <translation>Es gibt kein Profil namens %1. Siehe stocktake-cli profile list.</translation>
    </message>
    <message>
        <source>A profile called %1 already exists. Choose another name.</source>
        <translation>Ein Profil namens %1 ist bereits vorhanden. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>There is no profile called %1.</source>
        <translation>Es gibt kein Profil namens %1.</translation>
    </message>
    <message>
        <source>Stocktake cannot read its profile list %1. Check the file, or restore it from a backup.</source>
        <translation>Stocktake kann seine Profilliste %1 nicht lesen. Prüfen Sie die Datei, oder stellen Sie sie aus einer Sicherung wieder her.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::SqlCipherDriver</name>
    <message>
        <source>Open Stocktake databases with Database::open, which sends the key first.</source>
        <translation>Öffnen Sie Stocktake-Datenbanken mit Database::open, das zuerst den Schlüssel sendet.</translation>
    </message>
    <message>
        <source>Unable to begin the transaction.</source>
        <translation>Die Transaktion konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Unable to commit the transaction.</source>
        <translation>Die Transaktion konnte nicht festgeschrieben werden.</translation>
    </message>
    <message>
        <source>Unable to roll back the transaction.</source>
        <translation>Die Transaktion konnte nicht zurückgesetzt werden.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::SqlCipherResult</name>
    <message>
        <source>The database is closed.</source>
        <translation>Die Datenbank ist geschlossen.</translation>
    </message>
    <message>
        <source>Unable to prepare the statement.</source>
        <translation>Die Anweisung konnte nicht vorbereitet werden.</translation>
    </message>
    <message>
        <source>One statement at a time, please.</source>
        <translation>Bitte nur eine Anweisung auf einmal.</translation>
    </message>
    <message>
        <source>Parameter count mismatch.</source>
        <translation>Die Anzahl der Parameter stimmt nicht überein.</translation>
    </message>
    <message>
        <source>Unable to bind a value.</source>
        <translation>Ein Wert konnte nicht gebunden werden.</translation>
    </message>
    <message>
        <source>No statement.</source>
        <translation>Keine Anweisung.</translation>
    </message>
    <message>
        <source>Unable to run the statement.</source>
        <translation>Die Anweisung konnte nicht ausgeführt werden.</translation>
    </message>
</context>
<context>
    <name>stocktake::store::StoreError</name>
    <message>
        <source>The key does not open %1: the key or passphrase is wrong, or the file is damaged. Check the profile, or restore a backup.</source>
        <translation>Der Schlüssel öffnet %1 nicht: Der Schlüssel oder die Passphrase ist falsch, oder die Datei ist beschädigt. Prüfen Sie das Profil, oder stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <source>%1 is not an encrypted Stocktake database. Check the path, or restore a backup.</source>
        <translation>%1 ist keine verschlüsselte Stocktake-Datenbank. Prüfen Sie den Pfad, oder stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <source>%1 was written by a newer Stocktake (schema %2; this version knows up to %3). Update Stocktake to open it.</source>
        <translation>%1 wurde von einer neueren Stocktake-Version geschrieben (Schema %2; diese Version kennt bis %3). Aktualisieren Sie Stocktake, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>%1 is damaged or was tampered with (%2). Run stocktake-cli db check, or restore a backup.</source>
        <translation>%1 ist beschädigt oder wurde manipuliert (%2). Führen Sie stocktake-cli db check aus, oder stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The SQLite library in use cannot encrypt (SQLCipher 4 is needed). Reinstall Stocktake.</source>
        <translation>Die verwendete SQLite-Bibliothek kann nicht verschlüsseln (SQLCipher 4 ist erforderlich). Installieren Sie Stocktake neu.</translation>
    </message>
    <message>
        <source>There is no database at %1. Create the profile again with stocktake-cli profile add.</source>
        <translation>Unter %1 ist keine Datenbank vorhanden. Legen Sie das Profil mit stocktake-cli profile add erneut an.</translation>
    </message>
    <message>
        <source>%1 already exists; Stocktake will not overwrite it. Choose another file.</source>
        <translation>%1 ist bereits vorhanden; Stocktake überschreibt die Datei nicht. Wählen Sie eine andere Datei.</translation>
    </message>
    <message>
        <source>Stocktake cannot read or write %1. Check that it belongs to you and the disk works.</source>
        <translation>Stocktake kann %1 nicht lesen oder schreiben. Prüfen Sie, ob die Datei Ihnen gehört und der Datenträger funktioniert.</translation>
    </message>
    <message>
        <source>The disk that holds %1 is full. Free some space and try again; nothing was lost.</source>
        <translation>Der Datenträger mit %1 ist voll. Geben Sie Speicherplatz frei, und versuchen Sie es erneut; es ging nichts verloren.</translation>
    </message>
    <message>
        <source>%1 is in use by another Stocktake process. Close it and try again.</source>
        <translation>%1 wird von einem anderen Stocktake-Prozess verwendet. Beenden Sie ihn, und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>stocktake::sync::StoreWriter</name>
    <message>
        <source>Stocktake could not save the synced %1 to its database. The previous data is unchanged; check free disk space and run `stocktake-cli db check`.</source>
        <translation>Stocktake konnte die synchronisierten Daten (%1) nicht in seiner Datenbank speichern. Die bisherigen Daten sind unverändert; prüfen Sie den freien Speicherplatz, und führen Sie `stocktake-cli db check` aus.</translation>
    </message>
</context>
<context>
    <name>stocktake::sync::SyncEngine</name>
    <message>
        <source>Billing mail discovery is not part of this version yet; leave `mail` out of --only.</source>
        <translation>Die Erkennung über Rechnungs-E-Mails ist noch nicht Teil dieser Version; lassen Sie `mail` bei --only weg.</translation>
    </message>
    <message>
        <source>Unknown entity %1. Choose from %2.</source>
        <translation>Unbekannte Entität %1. Wählen Sie aus %2.</translation>
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
        <translation>Noch keine Daten · %1</translation>
    </message>
    <message>
        <source>Data as of %1 · %2</source>
        <translation>Datenstand %1 · %2</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::DetailPane</name>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Select a row to see what it is made of.</source>
        <translation>Wählen Sie eine Zeile aus, um zu sehen, woraus sie sich zusammensetzt.</translation>
    </message>
    <message>
        <source>Could not load the details</source>
        <translation>Die Details konnten nicht geladen werden</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::FirstRunWizard</name>
    <message>
        <source>Your tenant</source>
        <translation>Ihr Mandant</translation>
    </message>
    <message>
        <source>Stocktake keeps one encrypted database per tenant on this computer. Its key goes to the system keychain; nothing is sent anywhere but Microsoft.</source>
        <translation>Stocktake speichert auf diesem Computer eine verschlüsselte Datenbank pro Mandant. Ihr Schlüssel wird im Schlüsselbund des Systems abgelegt; es wird nichts an andere Stellen als Microsoft gesendet.</translation>
    </message>
    <message>
        <source>contoso.onmicrosoft.com or the tenant ID</source>
        <translation>contoso.onmicrosoft.com oder die Mandanten-ID</translation>
    </message>
    <message>
        <source>Application (client) ID of your Stocktake registration</source>
        <translation>Anwendungs-ID (Client) Ihrer Stocktake-Registrierung</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Application (client) ID</source>
        <translation>Anwendungs-ID (Client)</translation>
    </message>
    <message>
        <source>Identity platform address</source>
        <translation>Adresse der Identitätsplattform</translation>
    </message>
    <message>
        <source>Microsoft Graph address</source>
        <translation>Microsoft Graph-Adresse</translation>
    </message>
    <message>
        <source>Profile &amp;name:</source>
        <translation>Profil&amp;name:</translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation>&amp;Mandant:</translation>
    </message>
    <message>
        <source>&amp;Application (client) ID:</source>
        <translation>&amp;Anwendungs-ID (Client):</translation>
    </message>
    <message>
        <source>Register Stocktake once in the Entra admin center as a public client (&quot;Mobile and desktop applications&quot;, redirect URI http://localhost, public client flows allowed) and paste its application ID here. docs/sign-in.md lists the permissions and why each is needed.</source>
        <translation>Registrieren Sie Stocktake einmalig im Microsoft Entra Admin Center als öffentlichen Client („Mobilgeräte- und Desktopanwendungen“, Umleitungs-URI http://localhost, öffentliche Clientflows zugelassen), und fügen Sie hier die Anwendungs-ID ein. docs/sign-in.md führt die Berechtigungen auf und erklärt, wozu jede benötigt wird.</translation>
    </message>
    <message>
        <source>Endpoints (only for sovereign clouds and test servers)</source>
        <translation>Endpunkte (nur für nationale Clouds und Testserver)</translation>
    </message>
    <message>
        <source>&amp;Identity platform:</source>
        <translation>&amp;Identitätsplattform:</translation>
    </message>
    <message>
        <source>Microsoft &amp;Graph:</source>
        <translation>Microsoft &amp;Graph:</translation>
    </message>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, starting with a letter or digit.</source>
        <translation>Ein Profilname besteht aus 1 bis 64 Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos; oder &apos;-&apos; und beginnt mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>The tenant is its ID (a GUID) or one of its domains, such as contoso.com.</source>
        <translation>Der Mandant wird durch seine ID (eine GUID) oder eine seiner Domänen angegeben, z. B. contoso.com.</translation>
    </message>
    <message>
        <source>The application (client) ID is a GUID; copy it from the app registration&apos;s overview page.</source>
        <translation>Die Anwendungs-ID (Client) ist eine GUID; kopieren Sie sie von der Übersichtsseite der App-Registrierung.</translation>
    </message>
    <message>
        <source>Endpoints must be https:// addresses (http:// only on this computer).</source>
        <translation>Endpunkte müssen https://-Adressen sein (http:// nur auf diesem Computer).</translation>
    </message>
    <message>
        <source>A profile called %1 already exists; choose another name.</source>
        <translation>Ein Profil namens %1 ist bereits vorhanden; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Die verschlüsselte Datenbank wird erstellt…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in with an administrator account of the tenant. Stocktake never sees your password; it keeps a refresh token in the keychain.</source>
        <translation>Melden Sie sich mit einem Administratorkonto des Mandanten an. Stocktake sieht Ihr Kennwort nie; es speichert ein Aktualisierungstoken im Schlüsselbund.</translation>
    </message>
    <message>
        <source>&amp;Cancel sync</source>
        <translation>Synchronisierung &amp;abbrechen</translation>
    </message>
    <message>
        <source>First sync</source>
        <translation>Erste Synchronisierung</translation>
    </message>
    <message>
        <source>Stocktake reads the directory, licenses and apps first; sign-in history follows in the background and can take hours in a large tenant. You can start working as soon as this finishes, or cancel: what is done stays saved.</source>
        <translation>Stocktake liest zuerst das Verzeichnis, die Lizenzen und die Apps; der Anmeldeverlauf folgt im Hintergrund und kann in einem großen Mandanten Stunden dauern. Sie können mit der Arbeit beginnen, sobald dies abgeschlossen ist, oder abbrechen: Was erledigt ist, bleibt gespeichert.</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Synchronisierungsfortschritt</translation>
    </message>
    <message>
        <source>Synced data</source>
        <translation>Synchronisierte Daten</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n Element</numerusform>
            <numerusform>%1: %n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1: abgebrochen</translation>
    </message>
    <message>
        <source>%1: skipped</source>
        <translation>%1: übersprungen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sync cancelled; what finished is saved. Sync again from the window at any time.</source>
        <translation>Synchronisierung abgebrochen; was abgeschlossen wurde, ist gespeichert. Sie können jederzeit erneut über das Fenster synchronisieren.</translation>
    </message>
    <message numerus="yes">
        <source>Done in %n second(s).</source>
        <translation>
            <numerusform>Fertig in %n Sekunde.</numerusform>
            <numerusform>Fertig in %n Sekunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Set up Stocktake</source>
        <translation>Stocktake einrichten</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::MainWindow</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stocktake — %1</source>
        <translation>Stocktake — %1</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Anwendungen</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Stocktake is locked</source>
        <translation>Stocktake ist gesperrt</translation>
    </message>
    <message>
        <source>The data is encrypted and its key is out of memory.</source>
        <translation>Die Daten sind verschlüsselt, und ihr Schlüssel wurde aus dem Arbeitsspeicher entfernt.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisierung</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>Reading the key from the keychain…</source>
        <translation>Der Schlüssel wird aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisierung läuft…</translation>
    </message>
    <message>
        <source>Syncing %1: %2 items</source>
        <translation>%1 wird synchronisiert: %2 Elemente</translation>
    </message>
    <message numerus="yes">
        <source>, about %n minute(s) left</source>
        <translation>
            <numerusform>, noch etwa %n Minute</numerusform>
            <numerusform>, noch etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync cancelled; what finished is saved.</source>
        <translation>Synchronisierung abgebrochen; was abgeschlossen wurde, ist gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>Sync finished in %n second(s).</source>
        <translation>
            <numerusform>Synchronisierung in %n Sekunde abgeschlossen.</numerusform>
            <numerusform>Synchronisierung in %n Sekunden abgeschlossen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Use Sync › Sign in.</source>
        <translation>Verwenden Sie Synchronisierung › Anmelden.</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::OverviewPage</name>
    <message>
        <source>Apps in use (30 days)</source>
        <translation>Verwendete Apps (30 Tage)</translation>
    </message>
    <message>
        <source>Active people</source>
        <translation>Aktive Personen</translation>
    </message>
    <message>
        <source>Seats used of purchased</source>
        <translation>Zugewiesene von gekauften Lizenzen</translation>
    </message>
    <message>
        <source>Monthly license waste</source>
        <translation>Monatliche Lizenzverschwendung</translation>
    </message>
    <message>
        <source>Apps with high-privilege grants</source>
        <translation>Apps mit hoch privilegierten Berechtigungen</translation>
    </message>
    <message>
        <source>Data as of</source>
        <translation>Datenstand</translation>
    </message>
    <message>
        <source>License use per product</source>
        <translation>Lizenznutzung pro Produkt</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Figures as computed %1; updating…</source>
        <translation>Kennzahlen vom %1; wird aktualisiert…</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::ProfileSession</name>
    <message>
        <source>Stocktake is locked.</source>
        <translation>Stocktake ist gesperrt.</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::ReportPages</name>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>SKU id</source>
        <translation>SKU-ID</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Teilenummer</translation>
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
        <translation>Gekauft</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Assigned users</source>
        <translation>Zugewiesene Benutzer</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Reclaimable</source>
        <translation>Rückforderbar</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Stückpreis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Monthly waste</source>
        <translation>Monatliche Verschwendung</translation>
    </message>
    <message>
        <source>App id</source>
        <translation>App-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Seen in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Microsoft</source>
        <translation>Microsoft</translation>
    </message>
    <message>
        <source>People (30 days)</source>
        <translation>Personen (30 Tage)</translation>
    </message>
    <message>
        <source>Sign-ins (30 days)</source>
        <translation>Anmeldungen (30 Tage)</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Consented</source>
        <translation>Eingewilligt</translation>
    </message>
    <message>
        <source>High-privilege scopes</source>
        <translation>Hoch privilegierte Bereiche</translation>
    </message>
    <message>
        <source>Annual spend</source>
        <translation>Jährliche Ausgaben</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation>Benutzerprinzipalname</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Licenses</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Apps (30 days)</source>
        <translation>Apps (30 Tage)</translation>
    </message>
    <message>
        <source>licenses.csv</source>
        <translation>licenses.csv</translation>
    </message>
    <message>
        <source>Reclaim list: holders who are disabled, or enabled and not active within the inactivity window.</source>
        <translation>Rückforderungsliste: Inhaber, die deaktiviert sind oder zwar aktiviert, aber innerhalb des Inaktivitätszeitraums nicht aktiv waren.</translation>
    </message>
    <message numerus="yes">
        <source>Reclaim list (not active in the last %n day(s))</source>
        <translation>
            <numerusform>Rückforderungsliste (seit %n Tag nicht aktiv)</numerusform>
            <numerusform>Rückforderungsliste (seit %n Tagen nicht aktiv)</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>deaktiviert</translation>
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
        <translation>Gefunden in: %1</translation>
    </message>
    <message>
        <source>Billing only</source>
        <translation>Nur Abrechnung</translation>
    </message>
    <message>
        <source>Found only in billing mail; no sign-ins.</source>
        <translation>Nur in Rechnungs-E-Mails gefunden; keine Anmeldungen.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>No successful sign-ins are known.</source>
        <translation>Es sind keine erfolgreichen Anmeldungen bekannt.</translation>
    </message>
    <message>
        <source>Permission grants</source>
        <translation>Berechtigungserteilungen</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
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
        <translation>Bereiche</translation>
    </message>
    <message>
        <source>No delegated permission grants.</source>
        <translation>Keine delegierten Berechtigungserteilungen.</translation>
    </message>
    <message>
        <source>admin, for everyone</source>
        <translation>Administrator, für alle</translation>
    </message>
    <message>
        <source>one person</source>
        <translation>eine Person</translation>
    </message>
    <message>
        <source>users.csv</source>
        <translation>users.csv</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>No licenses.</source>
        <translation>Keine Lizenzen.</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>direkt</translation>
    </message>
    <message>
        <source>through a group</source>
        <translation>über eine Gruppe</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <source>No successful sign-ins in the last 30 days.</source>
        <translation>Keine erfolgreichen Anmeldungen in den letzten 30 Tagen.</translation>
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
        <translation>%1 %2 pro Jahr</translation>
    </message>
    <message>
        <source>%1 %2 per month</source>
        <translation>%1 %2 pro Monat</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>&amp;Set price</source>
        <translation>Preis festle&amp;gen</translation>
    </message>
    <message>
        <source>Use &amp;list price</source>
        <translation>&amp;Listenpreis verwenden</translation>
    </message>
    <message>
        <source>&amp;Open profile</source>
        <translation>Profil &amp;öffnen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Inactivity window in days</source>
        <translation>Inaktivitätszeitraum in Tagen</translation>
    </message>
    <message>
        <source>Apply the inactivity window</source>
        <translation>Inaktivitätszeitraum anwenden</translation>
    </message>
    <message>
        <source>&amp;Inactivity window:</source>
        <translation>&amp;Inaktivitätszeitraum:</translation>
    </message>
    <message>
        <source>A person with a license who has not signed in within this many days counts as inactive, and the license as reclaimable. The licenses page, the overview and stocktake-cli report use it.</source>
        <translation>Eine Person mit Lizenz, die sich innerhalb dieser Anzahl von Tagen nicht angemeldet hat, gilt als inaktiv und die Lizenz als rückforderbar. Die Seite „Lizenzen“, die Übersicht und stocktake-cli report verwenden diesen Wert.</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Berichte</translation>
    </message>
    <message>
        <source>License prices</source>
        <translation>Lizenzpreise</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Teilenummer</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>Listenpreis</translation>
    </message>
    <message>
        <source>Your price</source>
        <translation>Ihr Preis</translation>
    </message>
    <message>
        <source>Price amount</source>
        <translation>Preisbetrag</translation>
    </message>
    <message>
        <source>12.50</source>
        <translation>12.50</translation>
    </message>
    <message>
        <source>Currency code</source>
        <translation>Währungscode</translation>
    </message>
    <message>
        <source>EUR</source>
        <translation>EUR</translation>
    </message>
    <message>
        <source>Price period</source>
        <translation>Preiszeitraum</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>pro Monat</translation>
    </message>
    <message>
        <source>per year</source>
        <translation>pro Jahr</translation>
    </message>
    <message>
        <source>Set the price of the selected license</source>
        <translation>Preis der ausgewählten Lizenz festlegen</translation>
    </message>
    <message>
        <source>Remove your price and use the list price</source>
        <translation>Ihren Preis entfernen und den Listenpreis verwenden</translation>
    </message>
    <message>
        <source>Price of the selected license</source>
        <translation>Preis der ausgewählten Lizenz</translation>
    </message>
    <message>
        <source>A&amp;mount:</source>
        <translation>Be&amp;trag:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Währung:</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>License waste uses your price where you set one, else the bundled list price (Microsoft&apos;s US list prices, which may be out of date). Prices never mix currencies.</source>
        <translation>Für die Lizenzverschwendung wird Ihr Preis verwendet, sofern Sie einen festgelegt haben, andernfalls der mitgelieferte Listenpreis (die US-Listenpreise von Microsoft, die veraltet sein können). Preise in verschiedenen Währungen werden nie gemischt.</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Preise</translation>
    </message>
    <message>
        <source>Tenant profiles</source>
        <translation>Mandantenprofile</translation>
    </message>
    <message>
        <source>Open the selected profile</source>
        <translation>Ausgewähltes Profil öffnen</translation>
    </message>
    <message>
        <source>Opening another profile closes this one. Profiles kept behind a passphrase open from the command line (stocktake-cli --passphrase-stdin).</source>
        <translation>Beim Öffnen eines anderen Profils wird dieses geschlossen. Profile, die durch eine Passphrase geschützt sind, werden über die Befehlszeile geöffnet (stocktake-cli --passphrase-stdin).</translation>
    </message>
    <message>
        <source>Pro&amp;files</source>
        <translation>Pro&amp;file</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>list price</source>
        <translation>Listenpreis</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (open)</source>
        <translation>%1 (geöffnet)</translation>
    </message>
    <message>
        <source>%1 (passphrase)</source>
        <translation>%1 (Passphrase)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an ISO 4217 currency code (EUR, USD, NOK, …).</source>
        <translation>&apos;%1&apos; ist kein ISO-4217-Währungscode (EUR, USD, NOK, …).</translation>
    </message>
    <message numerus="yes">
        <source>The amount is a plain number with &apos;.&apos; as the decimal point and at most %n decimal(s) for %1.</source>
        <translation>
            <numerusform>Der Betrag ist eine einfache Zahl mit &apos;.&apos; als Dezimaltrennzeichen und höchstens %n Nachkommastelle für %1.</numerusform>
            <numerusform>Der Betrag ist eine einfache Zahl mit &apos;.&apos; als Dezimaltrennzeichen und höchstens %n Nachkommastellen für %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>stocktake::ui::SignInPanel</name>
    <message>
        <source>With a &amp;code on any device (recommended)</source>
        <translation>Mit einem &amp;Code auf einem beliebigen Gerät (empfohlen)</translation>
    </message>
    <message>
        <source>In this computer&apos;s &amp;browser</source>
        <translation>Im &amp;Browser dieses Computers</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>Code &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page</source>
        <translation>Anmeldeseite &amp;öffnen</translation>
    </message>
    <message>
        <source>Sign-in code</source>
        <translation>Anmeldecode</translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; on any device, enter this code and sign in with an administrator account. Enter it only if you started this sign-in in Stocktake yourself.</source>
        <translation>Öffnen Sie &lt;a href=&quot;%1&quot;&gt;%1&lt;/a&gt; auf einem beliebigen Gerät, geben Sie diesen Code ein, und melden Sie sich mit einem Administratorkonto an. Geben Sie ihn nur ein, wenn Sie diese Anmeldung selbst in Stocktake gestartet haben.</translation>
    </message>
    <message>
        <source>Waiting for you to sign in…</source>
        <translation>Warten auf Ihre Anmeldung…</translation>
    </message>
    <message>
        <source>Continue in your browser. If it did not open, open this address: %1</source>
        <translation>Fahren Sie in Ihrem Browser fort. Wenn er sich nicht geöffnet hat, öffnen Sie diese Adresse: %1</translation>
    </message>
    <message>
        <source>Signed in.</source>
        <translation>Angemeldet.</translation>
    </message>
    <message>
        <source>Contacting the identity platform…</source>
        <translation>Verbindung mit der Identitätsplattform wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>stocktake::ui::TablePage</name>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Search this table</source>
        <translation>Diese Tabelle durchsuchen</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>%1 filtern</translation>
    </message>
    <message>
        <source>Filter column %1</source>
        <translation>Spalte %1 filtern</translation>
    </message>
    <message>
        <source>Column filters</source>
        <translation>Spaltenfilter</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>The table could not be read: %1</source>
        <translation>Die Tabelle konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Export to CSV…</source>
        <translation>Als CSV &amp;exportieren…</translation>
    </message>
    <message>
        <source>Copy the selected rows</source>
        <translation>Ausgewählte Zeilen kopieren</translation>
    </message>
    <message>
        <source>Copies the selected rows as tab-separated text (%1)</source>
        <translation>Kopiert die ausgewählten Zeilen als tabulatorgetrennten Text (%1)</translation>
    </message>
    <message>
        <source>Export this table to a CSV file</source>
        <translation>Diese Tabelle in eine CSV-Datei exportieren</translation>
    </message>
    <message>
        <source>Writes every row the table shows now, as filtered and sorted, to a CSV file</source>
        <translation>Schreibt alle Zeilen, die die Tabelle gerade anzeigt, gefiltert und sortiert in eine CSV-Datei</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Wird nach %1 exportiert…</translation>
    </message>
</context>
</TS>
