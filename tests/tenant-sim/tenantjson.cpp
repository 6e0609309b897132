// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tenant objects as Graph v1.0 renders them (graph-facts.md §B.1–B.7). Every object carries
// properties Stocktake does not select, as real Graph does.
#include "simhash.h"
#include "tenant.h"

#include <QJsonArray>
#include <QTimeZone>

#include <array>

namespace stocktake::tenantsim {

using namespace simdata;

namespace {

/// FNV-1a of a name: a stable id seed for service plans (the same plan has one id in every SKU).
quint64 nameHash(const char *text)
{
    quint64 h = 0xcbf29ce484222325ULL;
    for (const char *c = text; *c != '\0'; ++c) {
        h = (h ^ static_cast<unsigned char>(*c)) * 0x100000001b3ULL;
    }
    return h;
}

QString iso(const QDateTime &utc)
{
    return SimHash::isoUtc(utc.toSecsSinceEpoch());
}

QJsonValue orNull(const char *text)
{
    return text != nullptr ? QJsonValue(QString::fromUtf8(text)) : QJsonValue(QJsonValue::Null);
}

constexpr std::array<const char *, 7> kLanguages {"da-DK", "de-DE", "ja-JP", "ar-AE", "he-IL", "en-GB", "en-US"};
constexpr std::array<const char *, 4> kGuestDomains {
    "fabrikam.example", "tailspin.example", "gmail.example", "nordwind.example"};
constexpr std::array<const char *, 8> kTeamWords {
    "Nordlys", "Fjord", "Bergblick", "桜", "نخيل", "Ørsted", "Polarstern", "Lakrids"};

QString planId(quint64 seed, const char *plan)
{
    return SimHash::guid(SimHash::of(seed, {kPlan, nameHash(plan), 1}), SimHash::of(seed, {kPlan, nameHash(plan), 2}));
}

}  // namespace

QString Tenant::displayName(const User &user) const
{
    if (user.odd != 0) {
        return QString::fromUtf8(oddDisplayNames()[user.odd - 1U]);
    }
    const auto family = familyNames();
    const QString given = QString::fromUtf8(givenNames()[user.given].text);
    const QString surname = QString::fromUtf8(family[(user.family + user.version) % family.size()].text);
    return given + u' ' + surname;
}

QString Tenant::userPrincipalName(const User &user) const
{
    const QString local = user.odd != 0 ? QStringLiteral("shared.%1").arg(user.index)
                                        : QStringLiteral("%1.%2.%3")
                                              .arg(QString::fromLatin1(givenNames()[user.given].ascii),
                                                  QString::fromLatin1(familyNames()[user.family].ascii))
                                              .arg(user.index);
    if (user.guest) {
        const char *domain = kGuestDomains.at(user.index % kGuestDomains.size());
        return local + u'_' + QString::fromLatin1(domain) + QStringLiteral("#EXT#@") + initialDomain();
    }
    return local + u'@' + primaryDomain();
}

QString Tenant::mail(const User &user) const
{
    if (user.guest) {
        return userPrincipalName(user).section(QStringLiteral("#EXT#"), 0, 0).replace(u'_', u'@');
    }
    // People without any licence have no mailbox.
    if (user.licenses() == 0 && user.odd == 0) {
        return {};
    }
    return userPrincipalName(user);
}

QJsonObject Tenant::organizationJson() const
{
    const auto domain = [](const QString &name, bool isDefault, bool isInitial, const char *type) {
        return QJsonObject {{QStringLiteral("capabilities"), QStringLiteral("Email, OfficeCommunicationsOnline")},
            {QStringLiteral("isDefault"), isDefault}, {QStringLiteral("isInitial"), isInitial},
            {QStringLiteral("name"), name}, {QStringLiteral("type"), QString::fromLatin1(type)}};
    };
    QJsonArray plans;
    for (const char *plan : {"EXCHANGE_S_ENTERPRISE", "SHAREPOINTENTERPRISE", "TEAMS1", "AAD_PREMIUM"}) {
        plans.append(QJsonObject {{QStringLiteral("assignedDateTime"), QStringLiteral("2019-04-02T08:11:09Z")},
            {QStringLiteral("capabilityStatus"), QStringLiteral("Enabled")},
            {QStringLiteral("service"), QString::fromLatin1(plan).section(u'_', 0, 0)},
            {QStringLiteral("servicePlanId"), planId(seed(), plan)}});
    }
    return QJsonObject {{QStringLiteral("id"), m_options.tenantId},
        {QStringLiteral("displayName"), QStringLiteral("Contoso Nordic ApS – Ærø & Søn")},
        {QStringLiteral("tenantType"), QStringLiteral("AAD")},
        {QStringLiteral("countryLetterCode"), QStringLiteral("DK")},
        {QStringLiteral("createdDateTime"), QStringLiteral("2016-03-14T09:12:33Z")},
        {QStringLiteral("onPremisesSyncEnabled"), true},
        {QStringLiteral("onPremisesLastSyncDateTime"), iso(now().addSecs(-37 * 60))},
        {QStringLiteral("city"), QStringLiteral("København")}, {QStringLiteral("street"), QStringLiteral("Ærøvej 1")},
        {QStringLiteral("postalCode"), QStringLiteral("2100")},
        {QStringLiteral("preferredLanguage"), QStringLiteral("da")},
        {QStringLiteral("businessPhones"), QJsonArray {QStringLiteral("+45 70 20 30 40")}},
        {QStringLiteral("technicalNotificationMails"), QJsonArray {QStringLiteral("it@contoso.example")}},
        {QStringLiteral("partnerTenantType"), QJsonValue::Null}, {QStringLiteral("assignedPlans"), plans},
        {QStringLiteral("verifiedDomains"),
            QJsonArray {domain(primaryDomain(), true, false, "Managed"),
                domain(initialDomain(), false, true, "Managed"),
                domain(QStringLiteral("contoso.de"), false, false, "Federated")}}};
}

QJsonObject Tenant::userJson(const User &user, const QStringList &only) const
{
    // Properties go in in key order: QJsonObject keeps its keys sorted, so each insert appends
    // instead of shifting (this runs 300,000 times a sync). `only` skips the unwanted ones.
    const auto want = [&only](QLatin1StringView key) {
        return only.isEmpty() || only.contains(key);
    };
    const quint64 h = SimHash::of(seed(), {kUser, user.index, 99});
    const QDateTime created
        = now().addDays(-user.createdDaysAgo).addSecs(-static_cast<qint64>(SimHash::below(h, 86400)));
    const QString address
        = want(QLatin1StringView("mail")) || want(QLatin1StringView("proxyAddresses")) ? mail(user) : QString();
    const Place &place = places()[user.place];
    QJsonObject o;
    const auto put = [&](const char *key, auto &&value) {
        if (want(QLatin1StringView(key))) {
            o.insert(QLatin1StringView(key), value());
        }
    };
    put("accountEnabled", [&] { return QJsonValue(user.enabled); });
    put("assignedLicenses", [&] {
        QJsonArray licenses;
        for (int s = 0; s < SkuCount; ++s) {
            if (user.licenses() & (1U << s)) {
                licenses.append(QJsonObject {{QStringLiteral("disabledPlans"), disabledPlans(s, h)},
                    {QStringLiteral("skuId"), QString::fromLatin1(skus()[static_cast<std::size_t>(s)].skuId)}});
            }
        }
        return QJsonValue(licenses);
    });
    put("businessPhones", [&] {
        return QJsonValue(user.guest
                ? QJsonArray {}
                : QJsonArray {QStringLiteral("+45 70 %1 %2").arg(user.index % 90 + 10).arg(user.index % 89 + 10)});
    });
    put("companyName",
        [&] { return user.guest ? QJsonValue(QJsonValue::Null) : QJsonValue(QStringLiteral("Contoso Nordic ApS")); });
    put("createdDateTime", [&] { return QJsonValue(iso(created)); });
    put("creationType",
        [&] { return user.guest ? QJsonValue(QStringLiteral("Invitation")) : QJsonValue(QJsonValue::Null); });
    put("department", [&] { return orNull(departments()[user.department]); });
    put("displayName", [&] { return QJsonValue(displayName(user)); });
    put("employeeId", [&] {
        return user.guest ? QJsonValue(QJsonValue::Null) : QJsonValue(QStringLiteral("E%1").arg(100000 + user.index));
    });
    put("externalUserState", [&] {
        if (!user.guest) {
            return QJsonValue(QJsonValue::Null);
        }
        return QJsonValue(
            user.kind == ActivityKind::Never ? QStringLiteral("PendingAcceptance") : QStringLiteral("Accepted"));
    });
    put("givenName", [&] {
        return user.odd != 0 ? QJsonValue(QJsonValue::Null)
                             : QJsonValue(QString::fromUtf8(givenNames()[user.given].text));
    });
    put("id", [&] { return QJsonValue(userId(user)); });
    put("jobTitle", [&] { return orNull(jobTitles()[user.jobTitle]); });
    put("licenseAssignmentStates", [&] {
        QJsonArray states;
        for (int s = 0; s < SkuCount; ++s) {
            const quint16 b = static_cast<quint16>(1U << s);
            const QString skuId = QString::fromLatin1(skus()[static_cast<std::size_t>(s)].skuId);
            const auto state = [&](const QJsonValue &group) {
                return QJsonObject {{QStringLiteral("assignedByGroup"), group},
                    {QStringLiteral("disabledPlans"), disabledPlans(s, h)},
                    {QStringLiteral("error"), QStringLiteral("None")},
                    {QStringLiteral("lastUpdatedDateTime"), iso(created.addDays(1))}, {QStringLiteral("skuId"), skuId},
                    {QStringLiteral("state"), QStringLiteral("Active")}};
            };
            if (user.directLicenses & b) {
                states.append(state(QJsonValue::Null));
            }
            if (user.groupLicenses & b) {
                states.append(state(groupId(licensingGroup(s))));
            }
        }
        return QJsonValue(states);
    });
    put("mail", [&] { return address.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(address); });
    put("mobilePhone", [] { return QJsonValue(QJsonValue::Null); });
    put("officeLocation",
        [&] { return user.guest ? QJsonValue(QJsonValue::Null) : QJsonValue(QString::fromUtf8(place.city)); });
    put("onPremisesSyncEnabled", [&] { return user.onPremises ? QJsonValue(true) : QJsonValue(QJsonValue::Null); });
    put("preferredLanguage",
        [&] { return QJsonValue(QString::fromLatin1(kLanguages.at(user.place % kLanguages.size()))); });
    put("proxyAddresses", [&] {
        return QJsonValue(address.isEmpty() ? QJsonArray {} : QJsonArray {QString(QStringLiteral("SMTP:") + address)});
    });
    put("surname", [&] {
        return user.odd != 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(displayName(user).section(u' ', 1, -1));
    });
    put("usageLocation",
        [&] { return QJsonValue(QString::fromLatin1(usageLocations()[user.place % usageLocations().size()])); });
    put("userPrincipalName", [&] { return QJsonValue(userPrincipalName(user)); });
    put("userType", [&] { return QJsonValue(user.guest ? QStringLiteral("Guest") : QStringLiteral("Member")); });
    return o;
}

QJsonArray Tenant::disabledPlans(int sku, quint64 h) const
{
    // One E3 holder in ten has Yammer switched off.
    if (sku == SkuE3 && SimHash::chance(h >> 8, 100)) {
        return QJsonArray {planId(seed(), "YAMMER_ENTERPRISE")};
    }
    return {};
}

QString Tenant::groupName(int group) const
{
    const Group &g = m_groups.at(group);
    switch (g.kind) {
    case GroupKind::Department:
        return QStringLiteral("Afdeling – ") + QString::fromUtf8(departments()[g.ordinal]);
    case GroupKind::LicenseE3:
        return QStringLiteral("LIC – Microsoft 365 E3");
    case GroupKind::LicenseEms:
        return QStringLiteral("LIC – EMS E3 (IT-drift & Entwicklung)");
    case GroupKind::Managers:
        return QStringLiteral("Alle ledere · All Managers");
    case GroupKind::Automation:
        return QStringLiteral("Automation accounts");
    case GroupKind::Empty:
        return QStringLiteral("Projekt Ærø (arkiveret)");
    case GroupKind::Distribution:
        return QStringLiteral("Kantine-nyt 🍽️");
    case GroupKind::Team:
        break;
    }
    return QStringLiteral("Team %1 %2")
        .arg(QString::fromUtf8(kTeamWords.at(g.ordinal % kTeamWords.size())))
        .arg(g.ordinal + 1);
}

QJsonObject Tenant::groupJson(int group) const
{
    const Group &g = m_groups.at(group);
    const bool unified = g.kind == GroupKind::Team || g.kind == GroupKind::Empty;
    const bool distribution = g.kind == GroupKind::Distribution;
    const bool dynamic = g.kind == GroupKind::Department;
    QJsonArray types;
    if (unified) {
        types.append(QStringLiteral("Unified"));
    }
    if (dynamic) {
        types.append(QStringLiteral("DynamicMembership"));
    }
    const QString nickname = QStringLiteral("grp%1").arg(group);
    const bool mailEnabled = unified || distribution;
    const quint64 h = SimHash::of(seed(), {kGroup, static_cast<quint64>(group)});
    return QJsonObject {{QStringLiteral("id"), groupId(group)}, {QStringLiteral("deletedDateTime"), QJsonValue::Null},
        {QStringLiteral("classification"), QJsonValue::Null},
        {QStringLiteral("createdDateTime"), iso(now().addDays(-30 - static_cast<int>(SimHash::below(h, 2000))))},
        {QStringLiteral("description"), unified ? QJsonValue(groupName(group)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("displayName"), groupName(group)}, {QStringLiteral("expirationDateTime"), QJsonValue::Null},
        {QStringLiteral("groupTypes"), types}, {QStringLiteral("isAssignableToRole"), QJsonValue::Null},
        {QStringLiteral("mail"),
            mailEnabled ? QJsonValue(nickname + u'@' + primaryDomain()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("mailEnabled"), mailEnabled}, {QStringLiteral("mailNickname"), nickname},
        {QStringLiteral("membershipRule"),
            dynamic ? QJsonValue(
                QStringLiteral("user.department -eq \"%1\"").arg(QString::fromUtf8(departments()[g.ordinal])))
                    : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("membershipRuleProcessingState"),
            dynamic ? QJsonValue(QStringLiteral("On")) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("onPremisesSyncEnabled"),
            dynamic ? QJsonValue(QJsonValue::Null) : QJsonValue(SimHash::chance(h >> 8, 300))},
        {QStringLiteral("proxyAddresses"),
            mailEnabled ? QJsonArray {QString(QStringLiteral("SMTP:") + nickname + u'@' + primaryDomain())}
                        : QJsonArray {}},
        {QStringLiteral("renewedDateTime"), iso(now().addDays(-10))},
        {QStringLiteral("resourceProvisioningOptions"), unified ? QJsonArray {QStringLiteral("Team")} : QJsonArray {}},
        {QStringLiteral("securityEnabled"), !distribution && !unified},
        {QStringLiteral("securityIdentifier"), QStringLiteral("S-1-12-1-%1-%2").arg(h % 4000000000ULL).arg(group)},
        {QStringLiteral("visibility"),
            unified ? QJsonValue(SimHash::chance(h >> 16, 300) ? QStringLiteral("Private") : QStringLiteral("Public"))
                    : QJsonValue(QJsonValue::Null)}};
}

QJsonObject Tenant::skuJson(int sku) const
{
    const SkuDef &def = skus()[static_cast<std::size_t>(sku)];
    const Sku &units = m_skus.at(sku);
    const QString status = QString::fromLatin1(def.capabilityStatus);
    QJsonArray plans;
    for (const char *plan : def.plans) {
        plans.append(QJsonObject {{QStringLiteral("servicePlanId"), planId(seed(), plan)},
            {QStringLiteral("servicePlanName"), QString::fromLatin1(plan)},
            {QStringLiteral("provisioningStatus"),
                status == QLatin1StringView("Suspended") ? QStringLiteral("Disabled") : QStringLiteral("Success")},
            {QStringLiteral("appliesTo"), QStringLiteral("User")}});
    }
    const QString skuId = QString::fromLatin1(def.skuId);
    return QJsonObject {{QStringLiteral("accountName"), QStringLiteral("contoso")},
        {QStringLiteral("accountId"), m_options.tenantId}, {QStringLiteral("appliesTo"), QStringLiteral("User")},
        {QStringLiteral("capabilityStatus"), status}, {QStringLiteral("consumedUnits"), consumedUnits(sku)},
        {QStringLiteral("id"), QString(m_options.tenantId + u'_' + skuId)},
        {QStringLiteral("prepaidUnits"),
            QJsonObject {{QStringLiteral("enabled"), units.enabled}, {QStringLiteral("suspended"), units.suspended},
                {QStringLiteral("warning"), units.warning}, {QStringLiteral("lockedOut"), units.lockedOut}}},
        {QStringLiteral("servicePlans"), plans}, {QStringLiteral("skuId"), skuId},
        {QStringLiteral("skuPartNumber"), QString::fromLatin1(def.partNumber)},
        {QStringLiteral("subscriptionIds"), QJsonArray {subscriptionId(sku)}}};
}

QJsonObject Tenant::servicePrincipalJson(int app) const
{
    const App &a = m_apps.at(app);
    const bool microsoft = a.ownerTenant == QLatin1StringView(kMicrosoftTenant)
        || a.ownerTenant == QLatin1StringView(kMicrosoftCorporateTenant);
    const bool home = a.ownerTenant == m_options.tenantId;
    const bool managedIdentity = a.type == QLatin1StringView("ManagedIdentity");
    const quint64 h = SimHash::of(seed(), {kServicePrincipal, static_cast<quint64>(app)});
    QJsonArray tags;
    if (!microsoft && !managedIdentity) {
        tags.append(QStringLiteral("WindowsAzureActiveDirectoryIntegratedApp"));
        if (SimHash::chance(h, 150)) {
            tags.append(QStringLiteral("HideApp"));
        }
    }
    QJsonArray alternativeNames;
    if (managedIdentity) {
        alternativeNames = QJsonArray {QStringLiteral("isExplicit=False"),
            QStringLiteral("/subscriptions/%1/resourcegroups/rg-payroll/providers/Microsoft.Web/sites/%2")
                .arg(SimHash::guid(seed(), kServicePrincipal, 9000), a.name)};
    }
    const bool verified = !a.publisher.isEmpty() && !home;
    const QJsonObject publisher {
        {QStringLiteral("displayName"), verified ? QJsonValue(a.publisher) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("verifiedPublisherId"),
            verified ? QJsonValue(QString::number(1000000 + h % 8000000)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("addedDateTime"),
            verified ? QJsonValue(QStringLiteral("2021-06-01T00:00:00Z")) : QJsonValue(QJsonValue::Null)}};
    const QString homepage = microsoft || managedIdentity
        ? QString()
        : QStringLiteral("https://%1.example/").arg(QString::number(h % 100000, 36));
    return QJsonObject {{QStringLiteral("id"), a.servicePrincipalId}, {QStringLiteral("accountEnabled"), a.enabled},
        {QStringLiteral("alternativeNames"), alternativeNames}, {QStringLiteral("appDisplayName"), a.name},
        {QStringLiteral("appDescription"), QJsonValue::Null}, {QStringLiteral("appId"), a.appId},
        {QStringLiteral("appOwnerOrganizationId"), a.ownerTenant},
        {QStringLiteral("appRoleAssignmentRequired"), SimHash::chance(h >> 8, 300)},
        {QStringLiteral("displayName"), a.name},
        {QStringLiteral("homepage"), homepage.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(homepage)},
        {QStringLiteral("loginUrl"), QJsonValue::Null}, {QStringLiteral("logoutUrl"), QJsonValue::Null},
        {QStringLiteral("notes"), QJsonValue::Null},
        {QStringLiteral("preferredSingleSignOnMode"),
            !microsoft && !home && SimHash::chance(h >> 16, 500) ? QJsonValue(QStringLiteral("saml"))
                                                                 : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("publisherName"),
            a.publisher.isEmpty()
                ? (home ? QJsonValue(QStringLiteral("Contoso Nordic ApS")) : QJsonValue(QJsonValue::Null))
                : QJsonValue(a.publisher)},
        {QStringLiteral("replyUrls"),
            homepage.isEmpty() ? QJsonArray {} : QJsonArray {QString(homepage + QStringLiteral("sso"))}},
        {QStringLiteral("servicePrincipalNames"), QJsonArray {a.appId}},
        {QStringLiteral("servicePrincipalType"), a.type},
        {QStringLiteral("signInAudience"),
            home ? QStringLiteral("AzureADMyOrg") : QStringLiteral("AzureADMultipleOrgs")},
        {QStringLiteral("tags"), tags}, {QStringLiteral("verifiedPublisher"), publisher},
        {QStringLiteral("info"),
            QJsonObject {{QStringLiteral("logoUrl"), QJsonValue::Null},
                {QStringLiteral("marketingUrl"), QJsonValue::Null},
                {QStringLiteral("privacyStatementUrl"), QJsonValue::Null},
                {QStringLiteral("supportUrl"), QJsonValue::Null},
                {QStringLiteral("termsOfServiceUrl"), QJsonValue::Null}}}};
}

QJsonObject Tenant::grantJson(int grant) const
{
    const Grant &g = m_grants.at(grant);
    const GrantDef &def = simdata::grants()[g.def];
    return QJsonObject {{QStringLiteral("id"), grantId(grant)},
        {QStringLiteral("clientId"), m_apps.at(def.app).servicePrincipalId},
        {QStringLiteral("consentType"),
            def.consent == Consent::AllPrincipals ? QStringLiteral("AllPrincipals") : QStringLiteral("Principal")},
        {QStringLiteral("principalId"),
            g.user < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(userId(m_users.at(g.user)))},
        {QStringLiteral("resourceId"), m_apps.at(def.resource).servicePrincipalId},
        {QStringLiteral("scope"), QString::fromLatin1(def.scope)}};
}

QJsonObject Tenant::deviceJson(int device) const
{
    return QJsonObject {{QStringLiteral("id"), deviceId(device)},
        {QStringLiteral("deviceId"), SimHash::guid(seed(), kDevice, 500 + static_cast<quint64>(device))},
        {QStringLiteral("displayName"), QStringLiteral("KIOSK-KANTINE-%1").arg(device + 1, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("operatingSystem"), QStringLiteral("Windows")},
        {QStringLiteral("operatingSystemVersion"), QStringLiteral("10.0.22631.4460")},
        {QStringLiteral("accountEnabled"), true}, {QStringLiteral("trustType"), QStringLiteral("AzureAd")}};
}

}  // namespace stocktake::tenantsim
