// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "simdata.h"

#include <array>

namespace stocktake::tenantsim::simdata {

namespace {

// Danish, German, CJK, Arabic, Hebrew, Greek, Cyrillic and Latin names with diacritics.
constexpr std::array<Name, 32> kGiven {{{"Søren", "soren"}, {"Mette", "mette"}, {"Åse", "aase"}, {"Jørgen", "joergen"},
    {"Freja", "freja"}, {"Jürgen", "juergen"}, {"Günther", "guenther"}, {"Anneliese", "anneliese"}, {"Jörg", "joerg"},
    {"Lena", "lena"}, {"美咲", "misaki"}, {"翔太", "shota"}, {"陽菜", "hina"}, {"李娜", "lina"}, {"王伟", "wei"},
    {"محمد", "mohammed"}, {"فاطمة", "fatima"}, {"דוד", "david"}, {"נועה", "noa"}, {"José", "jose"}, {"Zoë", "zoe"},
    {"François", "francois"}, {"Łukasz", "lukasz"}, {"Ólafur", "olafur"}, {"Νίκος", "nikos"}, {"Алексей", "aleksei"},
    {"Anna", "anna"}, {"John", "john"}, {"Priya", "priya"}, {"Chiara", "chiara"}, {"Ærenlund", "aerenlund"},
    {"Grete", "grete"}}};

constexpr std::array<Name, 24> kFamily {{{"Østergård", "ostergaard"}, {"Nørgaard", "noergaard"},
    {"Andersen", "andersen"}, {"Sørensen", "soerensen"}, {"Müller", "mueller"}, {"Schröder", "schroeder"},
    {"Weiß", "weiss"}, {"Straße", "strasse"}, {"田中", "tanaka"}, {"佐藤", "sato"}, {"王", "wang"}, {"李", "li"},
    {"العلي", "alali"}, {"الحسن", "alhassan"}, {"כהן", "cohen"}, {"לוי", "levi"}, {"O'Brien", "obrien"},
    {"van der Berg", "vanderberg"}, {"García", "garcia"}, {"Åberg", "aaberg"}, {"Kowalski", "kowalski"},
    {"Smith", "smith"}, {"Nakamura", "nakamura"}, {"Popescu", "popescu"}}};

constexpr std::array<const char *, 14> kDepartments {nullptr, "Økonomi", "Entwicklung", "営業部", "المبيعات", "שיווק",
    "IT-drift", "Kundeservice", "Forschung & Entwicklung", "Support 🛟", "Sales", "HR", "Legal", "+Partners"};

constexpr std::array<const char *, 16> kJobTitles {nullptr, "Udvikler", "Softwareentwicklerin", "Sachbearbeiter",
    "営業担当", "مدير المبيعات", "מנהלת מוצר", "Account Executive", "Head of IT", "Økonomimedarbejder", "Support-Agent",
    "Praktikant", "CEO", R"(=HYPERLINK("https://evil.example","Klik"))", "@Reception", "-"};

// Shared mailboxes, rooms, and text a spreadsheet or a terminal would misread.
constexpr std::array<const char *, 8> kOddNames {"Kantine – Mødelokale 3 🍽️", R"(=cmd|' /C calc'!A0)",
    "@Reception Desk", "-Shared Mailbox-", "\u202Egnp.exe", " Leading Space", "Zaïre \"Quote\" O'Neil, Jr.",
    "Extremely Long Name Ååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååååå"};

constexpr std::array<Place, 11> kPlaces {{{"København", "Hovedstaden", "DK", 55.6761, 12.5683},
    {"Aarhus", "Midtjylland", "DK", 56.1629, 10.2039}, {"Odense", "Syddanmark", "DK", 55.4038, 10.4024},
    {"Berlin", "Berlin", "DE", 52.52, 13.405}, {"München", "Bayern", "DE", 48.1351, 11.582},
    {"Hamburg", "Hamburg", "DE", 53.5511, 9.9937}, {"Tokyo", "Tokyo", "JP", 35.6762, 139.6503},
    {"Dubai", "Dubai", "AE", 25.2048, 55.2708}, {"Tel Aviv", "Tel Aviv", "IL", 32.0853, 34.7818},
    {"London", "England", "GB", 51.5072, -0.1276}, {"Zürich", "Zürich", "CH", 47.3769, 8.5417}}};

constexpr std::array<const char *, 7> kUsageLocations {"DK", "DE", "JP", "AE", "IL", "GB", "US"};

constexpr std::array<const char *, 10> kPlansE5 {"EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1",
    "MCOSTANDARD", "OFFICESUBSCRIPTION", "YAMMER_ENTERPRISE", "AAD_PREMIUM_P2", "INTUNE_A", "MCOEV",
    "THREAT_INTELLIGENCE"};
constexpr std::array<const char *, 8> kPlansE3 {"EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1",
    "MCOSTANDARD", "OFFICESUBSCRIPTION", "YAMMER_ENTERPRISE", "AAD_PREMIUM", "INTUNE_A"};
constexpr std::array<const char *, 6> kPlansO365E3 {"EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1",
    "MCOSTANDARD", "OFFICESUBSCRIPTION", "YAMMER_ENTERPRISE"};
constexpr std::array<const char *, 3> kPlansEms {"AAD_PREMIUM", "INTUNE_A", "RMS_S_PREMIUM"};
constexpr std::array<const char *, 1> kPlansPowerBi {"BI_AZURE_P2"};
constexpr std::array<const char *, 2> kPlansVisio {"VISIO_CLIENT_SUBSCRIPTION", "VISIOONLINE"};
constexpr std::array<const char *, 2> kPlansProject {"PROJECT_CLIENT_SUBSCRIPTION", "SHAREPOINT_PROJECT"};
constexpr std::array<const char *, 1> kPlansFlow {"FLOW_P2_VIRAL"};
constexpr std::array<const char *, 3> kPlansCopilot {
    "M365_COPILOT_APPS", "M365_COPILOT_TEAMS", "M365_COPILOT_CONNECTORS"};

constexpr quint8 kOffice = Exchange | OneDrive | SharePoint | Skype | Yammer | Teams;

// Published SKU ids (the licensing service plan reference); capability status as generated.
const std::array<SkuDef, SkuCount> kSkus {{
    {"SPE_E5", "Microsoft 365 E5", "06ebc4ee-1bb5-47dd-8120-11324bc54e06", "Enabled", kOffice, kPlansE5},
    {"SPE_E3", "Microsoft 365 E3", "05e9a617-0261-4cee-bb44-138d3ef5d965", "Enabled", kOffice, kPlansE3},
    {"ENTERPRISEPACK", "Office 365 E3", "6fd2c87f-b296-42f0-b197-1e91e994b900", "Warning", kOffice, kPlansO365E3},
    {"EMS", "Enterprise Mobility + Security E3", "efccb6f7-5641-4e0e-bd10-b4976e1bf68e", "Enabled", 0, kPlansEms},
    {"POWER_BI_PRO", "Power BI Pro", "f8a1db68-be16-40ed-86d5-cb42ce701560", "Enabled", 0, kPlansPowerBi},
    {"VISIOCLIENT", "Visio Plan 2", "c5928f49-12ba-48f7-ada3-0d743a3601d5", "Enabled", 0, kPlansVisio},
    {"PROJECTPROFESSIONAL", "Project Plan 3", "53818b1b-4a27-454b-8896-0dba576410e6", "Suspended", 0, kPlansProject},
    {"FLOW_FREE", "Microsoft Power Automate Free", "f30db892-07e9-47e9-837c-80727f46fd3d", "Enabled", 0, kPlansFlow},
    {"Microsoft_365_Copilot", "Microsoft 365 Copilot", "639dec6b-bb19-468b-871c-c5c441c4b0cb", "Enabled", 0,
        kPlansCopilot},
}};

using O = Owner;
// Sign-in apps first (index < 28); AppIndex names the ones the generator refers to.
constexpr std::array<AppDef, 32> kApps {{
    {"Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264", O::Microsoft, "Microsoft Services", "Application", true,
        900, false, "Microsoft Teams Services"},
    {"Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000", O::Microsoft, "Microsoft Services",
        "Application", true, 800, false, "Office 365 Exchange Online"},
    {"Office 365 SharePoint Online", "00000003-0000-0ff1-ce00-000000000000", O::Microsoft, "Microsoft Services",
        "Application", true, 600, false, "Office 365 SharePoint Online"},
    {"Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c", O::Microsoft, "Microsoft Services", "Application",
        true, 500, false, "Microsoft Graph"},
    {"OfficeHome", "4765445b-32c6-49b0-83e6-1d93765276ca", O::Microsoft, "Microsoft Services", "Application", true, 400,
        false, "OfficeHome"},
    {"Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", O::Microsoft, "Microsoft Services", "Application", true,
        40, false, "Windows Azure Service Management API"},
    {"My Apps", "2793995e-0a7d-40d7-bd35-6968ba142197", O::Microsoft, "Microsoft Services", "Application", true, 100,
        false, "My Apps"},
    // Signed in to, but no service principal in the tenant.
    {"Microsoft Azure CLI", "04b07795-8ddb-461a-bbee-02f9e1bf7b46", O::Microsoft, "Microsoft Services", nullptr, true,
        20, false, "Windows Azure Service Management API"},
    {"Graph Explorer", "de8bc8b5-d9f9-48b1-a8ad-b748da725064", O::MicrosoftCorporate, "Microsoft", "Application", true,
        10, false, "Microsoft Graph"},
    {"Slack", nullptr, O::ThirdParty, "Slack Technologies", "Application", true, 300, false, "Slack"},
    {"Zoom", nullptr, O::ThirdParty, "Zoom Video Communications", "Application", true, 250, false, "Zoom"},
    {"Salesforce", nullptr, O::ThirdParty, "Salesforce", "Application", true, 120, false, "Salesforce"},
    {"Atlassian Cloud", nullptr, O::ThirdParty, "Atlassian", "Application", true, 200, false, "Atlassian Cloud"},
    {"GitHub Enterprise Cloud", nullptr, O::ThirdParty, "GitHub", "Application", true, 80, false, "GitHub"},
    {"Adobe Creative Cloud", nullptr, O::ThirdParty, "Adobe Inc.", "Application", true, 60, false, "Adobe"},
    {"Dropbox Business", nullptr, O::ThirdParty, "Dropbox", "Application", true, 50, false, "Dropbox"},
    {"Miro", nullptr, O::ThirdParty, "Miro", "Application", true, 150, false, "Miro"},
    {"Notion", nullptr, O::ThirdParty, "Notion Labs", "Application", true, 90, false, "Notion"},
    {"Figma", nullptr, O::ThirdParty, "Figma", "Application", true, 40, false, "Figma"},
    {"DocuSign", nullptr, O::ThirdParty, "DocuSign", "Application", true, 70, false, "DocuSign"},
    {"Workday", nullptr, O::ThirdParty, "Workday", "Application", true, 300, false, "Workday"},
    {"ServiceNow", nullptr, O::ThirdParty, "ServiceNow", "Application", true, 100, false, "ServiceNow"},
    {"Contoso HR-portalen", nullptr, O::Tenant, nullptr, "Application", true, 350, false, "Contoso HR-portalen"},
    {"PDF Converter Pro", nullptr, O::ThirdParty, nullptr, "Application", true, 0, false, "Microsoft Graph"},
    {"Calendar Sync Tool", nullptr, O::ThirdParty, nullptr, "Application", true, 0, false, "Microsoft Graph"},
    {"Email Signature Manager", nullptr, O::ThirdParty, "Sig Labs ApS", "Application", true, 0, false,
        "Microsoft Graph"},
    // Switched off by the admin; its users still try.
    {"Legacy Expense App", nullptr, O::Tenant, nullptr, "Application", false, 15, true, "Legacy Expense App"},
    {"Microsoft Graph Command Line Tools", "14d82eec-204b-4c2f-b7e8-296a70dab67e", O::MicrosoftCorporate, "Microsoft",
        "Application", true, 5, false, "Microsoft Graph"},
    // Resources and other principals without sign-ins.
    {"Microsoft Graph", "00000003-0000-0000-c000-000000000000", O::Microsoft, "Microsoft Services", "Application", true,
        0, false, nullptr},
    {"Office 365 Management APIs", "c5393580-f805-4401-95e8-94b7a6ef2fc2", O::Microsoft, "Microsoft Services",
        "Application", true, 0, false, nullptr},
    {"func-contoso-payroll", nullptr, O::Tenant, nullptr, "ManagedIdentity", true, 0, false, nullptr},
    {"Legacy SharePoint add-in", nullptr, O::Tenant, nullptr, "Legacy", true, 0, false, nullptr},
}};

constexpr int kGraph = AppMicrosoftGraph;
constexpr int kExchange = AppExchange;
constexpr std::array<GrantDef, 12> kGrants {{
    {9, kGraph, Consent::AllPrincipals, 0, "openid profile email offline_access User.Read"},
    {10, kGraph, Consent::AllPrincipals, 0, "User.Read Calendars.ReadWrite offline_access"},
    {22, kGraph, Consent::AllPrincipals, 0, "User.Read.All GroupMember.Read.All"},
    {27, kGraph, Consent::AllPrincipals, 0, " Directory.ReadWrite.All User.ReadWrite.All AuditLog.Read.All "},
    {12, kGraph, Consent::AllPrincipals, 0, "User.Read"},
    {21, kExchange, Consent::AllPrincipals, 0, "EWS.AccessAsUser.All"},
    {23, kGraph, Consent::Principal, 20, "Mail.ReadWrite Files.ReadWrite.All offline_access"},
    {24, kGraph, Consent::Principal, 10, "Calendars.ReadWrite Contacts.ReadWrite User.Read"},
    {25, kGraph, Consent::Principal, 5, "Mail.Send MailboxSettings.ReadWrite User.Read"},
    {16, kGraph, Consent::Principal, 30, "User.Read offline_access"},
    {17, kGraph, Consent::Principal, 15, "User.Read Files.Read.All"},
    {8, kGraph, Consent::Principal, 3, "openid profile User.Read Mail.Read Sites.Read.All"},
}};

// The last one is what a disabled application's users get.
constexpr std::array<Failure, 6> kFailures {{
    {50126, "Error validating credentials due to invalid username or password."},
    {50074, "Strong Authentication is required."},
    {53003, "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance."},
    {50140, "This error occurred due to 'Keep me signed in' interrupt when the user was signing in."},
    {500121, "Authentication failed during strong authentication request."},
    {7000112, "Application is disabled."},
}};

}  // namespace

std::span<const Name> givenNames()
{
    return kGiven;
}

std::span<const Name> familyNames()
{
    return kFamily;
}

std::span<const char *const> departments()
{
    return kDepartments;
}

std::span<const char *const> jobTitles()
{
    return kJobTitles;
}

std::span<const char *const> oddDisplayNames()
{
    return kOddNames;
}

std::span<const Place> places()
{
    return kPlaces;
}

std::span<const char *const> usageLocations()
{
    return kUsageLocations;
}

std::span<const SkuDef> skus()
{
    return kSkus;
}

std::span<const AppDef> apps()
{
    return kApps;
}

std::span<const GrantDef> grants()
{
    return kGrants;
}

std::span<const Failure> failures()
{
    return kFailures;
}

}  // namespace stocktake::tenantsim::simdata
