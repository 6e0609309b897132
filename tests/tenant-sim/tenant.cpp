// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tenant.h"

#include "simhash.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>
#include <array>

namespace stocktake::tenantsim {

using namespace simdata;

namespace {

// Fields of a person's hash stream (SimHash::of(seed, {kUser, index, field})).
enum UserField : quint64 {
    FGuest = 1,
    FGiven,
    FFamily,
    FOdd,
    FDepartment,
    FJob,
    FEnabled,
    FOnPremises,
    FPlace,
    FKind,
    FLast,
    FRate,
    FNonInteractive,
    FCreated,
    FBase,
    FE3Group,
    FE3Both,
    FAddOn,
    FTeam = 40,
};

constexpr std::array<int, 2> kEmsDepartments {2, 6};  // Entwicklung, IT-drift: EMS through a group
constexpr quint32 kTeamSize = 40;
constexpr quint32 kReportsPerManager = 7;

quint16 bit(int sku)
{
    return static_cast<quint16>(1U << sku);
}

quint32 size(std::span<const char *const> table)
{
    return static_cast<quint32>(table.size());
}

}  // namespace

Tenant::Tenant(const TenantOptions &options)
    : m_options(options)
{
    const QDateTime midnight(m_options.now.date(), QTime(0, 0), QTimeZone::utc());
    m_minOffset = midnight.secsTo(m_options.now) < 60 ? 1 : 0;
    generateUsers();
    generateGroups();
    generateApps();
    generateGrants();
    countHolders();
    sizeSkus();
}

User Tenant::makeUser(quint32 i) const
{
    const quint64 s = seed();
    const auto h = [s, i](quint64 field) {
        return SimHash::of(s, {kUser, i, field});
    };
    User u;
    u.index = i;
    const bool admin = i == 0;
    u.guest = !admin && SimHash::chance(h(FGuest), 60);
    u.given = static_cast<quint8>(SimHash::below(h(FGiven), static_cast<quint32>(givenNames().size())));
    u.family = static_cast<quint8>(SimHash::below(h(FFamily), static_cast<quint32>(familyNames().size())));
    if (!admin && !u.guest && SimHash::chance(h(FOdd), 2)) {
        u.odd = static_cast<quint8>(1 + SimHash::below(h(FOdd) >> 20, size(oddDisplayNames())));
    }
    if (admin) {
        u.department = 6;  // IT-drift
        u.jobTitle = 8;    // Head of IT
    } else if (!u.guest) {
        if (!SimHash::chance(h(FDepartment), 80)) {
            u.department = static_cast<quint8>(1 + SimHash::below(h(FDepartment) >> 20, size(departments()) - 1));
        }
        u.jobTitle = static_cast<quint8>(SimHash::below(h(FJob), size(jobTitles())));
    }
    // Shared mailboxes and rooms are disabled accounts, as Exchange makes them.
    u.enabled = admin || (u.odd == 0 && !SimHash::chance(h(FEnabled), 45));
    u.onPremises = !u.guest && SimHash::chance(h(FOnPremises), 400);
    // Most people work from Denmark or Germany.
    const quint32 p = SimHash::below(h(FPlace), 20);
    u.place = static_cast<quint8>(p < 10 ? p % 3 : (p < 16 ? 3 + p % 3 : 6 + p % 5));

    const quint32 kind = SimHash::below(h(FKind), 1000);
    if (admin) {
        u.kind = ActivityKind::Regular;
    } else if (u.odd != 0 || kind < (u.guest ? 300U : 50U)) {
        u.kind = ActivityKind::Never;
    } else if (kind < (u.guest ? 350U : 90U)) {
        u.kind = ActivityKind::NonInteractiveOnly;
    } else {
        u.kind = ActivityKind::Regular;
    }
    const quint32 last = SimHash::below(h(FLast), 1000);
    const quint64 lastHash = h(FLast) >> 20;
    switch (u.kind) {
    case ActivityKind::Regular:
        if (!admin && (u.guest ? last >= 200 : last >= 780)) {
            u.lastOffset = static_cast<quint16>(30 + SimHash::below(lastHash, 370));  // dormant
        } else if (!admin && last >= 600) {
            u.lastOffset = static_cast<quint16>(4 + SimHash::below(lastHash, 26));
        } else {
            u.lastOffset = static_cast<quint16>(admin ? 0 : SimHash::below(lastHash, 4));
        }
        if (!u.enabled && SimHash::chance(lastHash, 500)) {
            u.lastOffset = static_cast<quint16>(u.lastOffset + 30);  // disabled after they left
        }
        u.rate = static_cast<quint8>(u.lastOffset >= 30 ? 30 : 60 + SimHash::below(h(FRate), 150));
        if (SimHash::chance(h(FNonInteractive), 700)) {
            u.nonInteractiveOffset = static_cast<quint16>(
                u.lastOffset - std::min<quint32>(u.lastOffset, SimHash::below(h(FNonInteractive) >> 20, 2)));
        }
        u.createdDaysAgo = static_cast<quint16>(u.lastOffset + 30 + SimHash::below(h(FCreated), 2000));
        break;
    case ActivityKind::NonInteractiveOnly:
        u.nonInteractiveOffset = static_cast<quint16>(
            SimHash::chance(lastHash, 800) ? SimHash::below(lastHash >> 12, 25) : 30 + SimHash::below(lastHash, 170));
        u.createdDaysAgo = static_cast<quint16>(u.nonInteractiveOffset + 30 + SimHash::below(h(FCreated), 1500));
        break;
    case ActivityKind::Never:
        // Some are new hires (created in the last three weeks), some were never used at all.
        u.createdDaysAgo
            = static_cast<quint16>(SimHash::chance(h(FCreated), 400) ? SimHash::below(h(FCreated) >> 20, 21)
                                                                     : SimHash::below(h(FCreated), 1500));
        break;
    }
    if (m_minOffset > 0) {
        u.lastOffset = std::max<quint16>(u.lastOffset, 1);
        if (u.nonInteractiveOffset == 0) {
            u.nonInteractiveOffset = 1;
        }
    }

    // Licences: members hold a suite (or none) plus add-ons; guests rarely hold anything.
    const quint64 addOn = h(FAddOn);
    if (u.guest) {
        if (SimHash::chance(addOn, 10)) {
            u.directLicenses |= bit(SkuFlowFree);
        }
        if (SimHash::chance(addOn >> 16, 5)) {
            u.directLicenses |= bit(SkuPowerBi);
        }
        return u;
    }
    if (u.odd != 0) {
        return u;
    }
    const quint32 base = admin ? 0 : SimHash::below(h(FBase), 1000);
    if (base < 100) {
        u.directLicenses |= bit(SkuE5);
    } else if (base < 650) {
        if (SimHash::chance(h(FE3Group), 600)) {
            u.groupLicenses |= bit(SkuE3);
            if (SimHash::chance(h(FE3Both), 50)) {
                u.directLicenses |= bit(SkuE3);  // assigned twice, held once
            }
        } else {
            u.directLicenses |= bit(SkuE3);
        }
    } else if (base < 800) {
        u.directLicenses |= bit(SkuO365E3);
    }
    if (std::find(kEmsDepartments.begin(), kEmsDepartments.end(), u.department) != kEmsDepartments.end()) {
        u.groupLicenses |= bit(SkuEms);
    } else if (SimHash::chance(addOn, 20)) {
        u.directLicenses |= bit(SkuEms);
    }
    const std::array<std::pair<int, quint32>, 5> addOns {
        {{SkuPowerBi, 80}, {SkuVisio, 30}, {SkuProject, 20}, {SkuFlowFree, 100}, {SkuCopilot, 20}}};
    for (std::size_t k = 0; k < addOns.size(); ++k) {
        if (SimHash::chance(SimHash::mix(addOn + k + 1), addOns[k].second)) {
            u.directLicenses |= bit(addOns[k].first);
        }
    }
    return u;
}

void Tenant::generateUsers()
{
    const quint32 n = static_cast<quint32>(std::max(0, m_options.users));
    m_users.reserve(static_cast<qsizetype>(n));
    for (quint32 i = 0; i < n; ++i) {
        m_users.append(makeUser(i));
    }
    QVector<bool> manages(m_users.size(), false);
    for (const User &u : std::as_const(m_users)) {
        if (const auto m = manager(u)) {
            manages[*m] = true;
        }
    }
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        m_users[i].managesPeople = manages.at(i);
    }
}

std::optional<int> Tenant::manager(const User &user) const
{
    if (user.guest || user.index == 0 || user.added) {
        return std::nullopt;
    }
    // A tree of up to seven reports per manager; guests and odd accounts manage nobody.
    quint32 m = (user.index - 1) / kReportsPerManager;
    for (;;) {
        const User &candidate = m_users.at(static_cast<qsizetype>(m));
        if (!candidate.guest && candidate.odd == 0 && candidate.live()) {
            return static_cast<int>(m);
        }
        if (m == 0) {
            return std::nullopt;
        }
        m = (m - 1) / kReportsPerManager;
    }
}

void Tenant::generateGroups()
{
    const int departmentCount = static_cast<int>(departments().size()) - 1;
    for (int d = 1; d <= departmentCount; ++d) {
        m_groups.append({GroupKind::Department, static_cast<quint32>(d)});
    }
    m_itDepartmentGroup = 5;  // department 6, IT-drift
    m_licensingGroups.insert(SkuE3, static_cast<int>(m_groups.size()));
    m_groups.append({GroupKind::LicenseE3, 0});
    m_licensingGroups.insert(SkuEms, static_cast<int>(m_groups.size()));
    m_groups.append({GroupKind::LicenseEms, 0});
    const int managers = static_cast<int>(m_groups.size());
    m_groups.append({GroupKind::Managers, 0});
    m_automationGroup = static_cast<int>(m_groups.size());
    m_groups.append({GroupKind::Automation, 0});
    m_groups.append({GroupKind::Empty, 0});
    const int distribution = static_cast<int>(m_groups.size());
    m_groups.append({GroupKind::Distribution, 0});
    const int firstTeam = static_cast<int>(m_groups.size());
    const quint32 teams = std::max<quint32>(3, static_cast<quint32>(m_users.size()) / kTeamSize);
    for (quint32 t = 0; t < teams; ++t) {
        m_groups.append({GroupKind::Team, t});
    }

    // Memberships as compressed rows: count, prefix-sum, fill (users in index order).
    const auto groupsOf = [&](const User &u, auto add) {
        if (u.department != 0) {
            add(u.department - 1);
        }
        if (u.groupLicenses & bit(SkuE3)) {
            add(m_licensingGroups.value(SkuE3));
        }
        if (u.groupLicenses & bit(SkuEms)) {
            add(m_licensingGroups.value(SkuEms));
        }
        if (u.managesPeople) {
            add(managers);
        }
        const quint64 h = SimHash::of(seed(), {kUser, u.index, FTeam});
        if (SimHash::chance(h, 20)) {
            add(distribution);
        }
        if (SimHash::chance(h >> 10, u.guest ? 300 : 700)) {
            const int first = firstTeam + static_cast<int>(SimHash::below(h >> 20, teams));
            add(first);
            const int second = firstTeam + static_cast<int>(SimHash::below(SimHash::mix(h), teams));
            if (second != first && SimHash::chance(h >> 30, 200)) {
                add(second);
            }
        }
    };
    QVector<quint32> counts(m_groups.size() + 1, 0);
    for (const User &u : std::as_const(m_users)) {
        groupsOf(u, [&counts](int g) { ++counts[g + 1]; });
    }
    m_memberStart.resize(counts.size());
    quint32 running = 0;
    for (qsizetype g = 0; g < counts.size(); ++g) {
        running += counts.at(g);
        m_memberStart[g] = running;
    }
    m_members.resize(running);
    QVector<quint32> fill(m_memberStart.begin(), m_memberStart.end() - 1);
    for (const User &u : std::as_const(m_users)) {
        groupsOf(u, [&](int g) { m_members[fill[g]++] = u.index; });
    }
}

std::span<const quint32> Tenant::userMembers(int group) const
{
    const quint32 begin = m_memberStart.at(group);
    const quint32 end = m_memberStart.at(group + 1);
    return {m_members.constData() + begin, end - begin};
}

QVector<OtherMember> Tenant::otherMembers(int group) const
{
    if (group == m_automationGroup) {
        // Devices, a managed identity and a nested group: members are not only people.
        return {{OtherMember::Type::Device, 0}, {OtherMember::Type::Device, 1},
            {OtherMember::Type::ServicePrincipal, 30}, {OtherMember::Type::Group, m_itDepartmentGroup}};
    }
    if (m_groups.at(group).kind == GroupKind::Managers) {
        return {{OtherMember::Type::Group, m_licensingGroups.value(SkuE3)}};
    }
    return {};
}

int Tenant::licensingGroup(int sku) const
{
    return m_licensingGroups.value(sku, -1);
}

void Tenant::generateApps()
{
    const auto defs = simdata::apps();
    for (int i = 0; i < static_cast<int>(defs.size()); ++i) {
        const AppDef &d = defs[static_cast<std::size_t>(i)];
        App a;
        a.def = i;
        a.name = QString::fromUtf8(d.name);
        a.appId = d.appId != nullptr ? QString::fromLatin1(d.appId) : SimHash::guid(seed(), kApp, i);
        switch (d.owner) {
        case Owner::Microsoft:
            a.ownerTenant = QString::fromLatin1(kMicrosoftTenant);
            break;
        case Owner::MicrosoftCorporate:
            a.ownerTenant = QString::fromLatin1(kMicrosoftCorporateTenant);
            break;
        case Owner::ThirdParty:
            a.ownerTenant = SimHash::guid(seed(), kApp, 1000 + i);
            break;
        case Owner::Tenant:
            a.ownerTenant = m_options.tenantId;
            break;
        }
        if (d.servicePrincipalType != nullptr) {
            a.servicePrincipalId = SimHash::objectId(seed(), kServicePrincipal, static_cast<quint64>(i));
            a.type = QString::fromLatin1(d.servicePrincipalType);
        }
        a.publisher = d.publisher != nullptr ? QString::fromUtf8(d.publisher) : QString();
        a.enabled = d.enabled;
        m_apps.append(a);
    }
    // Line-of-business and gallery apps nobody signs in to: one per 200 people.
    static constexpr std::array<const char *, 8> kStems {"Ærø Booking", "Kantine-app", "Zeiterfassung", "勤怠管理",
        "Reisekosten", "Vagtplan", "CRM-Connector", "Intranet"};
    const int extra = static_cast<int>(m_users.size() / 200);
    for (int k = 0; k < extra; ++k) {
        const int i = static_cast<int>(m_apps.size());
        const quint64 h = SimHash::of(seed(), {kApp, static_cast<quint64>(i)});
        App a;
        a.name = QStringLiteral("%1 %2").arg(QString::fromUtf8(kStems.at(SimHash::below(h, kStems.size())))).arg(k + 1);
        a.appId = SimHash::guid(seed(), kApp, static_cast<quint64>(i));
        a.ownerTenant = SimHash::chance(h >> 8, 600) ? m_options.tenantId : SimHash::guid(seed(), kApp, 1000 + i);
        a.servicePrincipalId = SimHash::objectId(seed(), kServicePrincipal, static_cast<quint64>(i));
        a.type = QStringLiteral("Application");
        a.enabled = !SimHash::chance(h >> 16, 50);
        m_apps.append(a);
    }
    for (int i = 0; i < m_apps.size(); ++i) {
        if (m_apps.at(i).hasServicePrincipal()) {
            m_appBySpId.insert(m_apps.at(i).servicePrincipalId, i);
        }
    }
}

bool Tenant::hasGrant(quint32 user, int grantDef) const
{
    const GrantDef &d = simdata::grants()[static_cast<std::size_t>(grantDef)];
    if (d.consent != Consent::Principal) {
        return false;
    }
    const User &u = m_users.at(user);
    if (u.guest || u.odd != 0) {
        return false;
    }
    return SimHash::chance(SimHash::of(seed(), {kGrant, static_cast<quint64>(grantDef), user}), d.permille);
}

void Tenant::generateGrants()
{
    const auto defs = simdata::grants();
    for (int d = 0; d < static_cast<int>(defs.size()); ++d) {
        if (defs[static_cast<std::size_t>(d)].consent == Consent::AllPrincipals) {
            m_grants.append({static_cast<quint16>(d), -1});
            continue;
        }
        for (const User &u : std::as_const(m_users)) {
            if (hasGrant(u.index, d)) {
                m_grants.append({static_cast<quint16>(d), static_cast<qint32>(u.index)});
            }
        }
    }
}

quint64 Tenant::appMask(const User &user) const
{
    if (user.kind != ActivityKind::Regular) {
        return 0;
    }
    quint64 mask = 0;
    const auto defs = simdata::apps();
    for (std::size_t a = 0; a < defs.size() && a < 64; ++a) {
        const quint64 h = SimHash::of(seed(), {kApp, a, user.index});
        // Guests mostly use what they were invited to: Teams and SharePoint.
        const quint32 use = user.guest ? (a <= AppSharePoint && a != AppExchange ? 700U : defs[a].usePermille / 10U)
                                       : defs[a].usePermille;
        if (SimHash::chance(h, use)) {
            mask |= quint64 {1} << a;
        }
    }
    // Whoever consented to an app also signs in to it.
    const auto grantDefs = simdata::grants();
    for (int d = 0; d < static_cast<int>(grantDefs.size()); ++d) {
        if (hasGrant(user.index, d)) {
            mask |= quint64 {1} << grantDefs[static_cast<std::size_t>(d)].app;
        }
    }
    if (mask == 0) {
        mask = quint64 {1} << AppTeams;
    }
    return mask;
}

void Tenant::countHolders()
{
    m_holders = QVector<int>(SkuCount, 0);
    for (const User &u : std::as_const(m_users)) {
        if (!u.live()) {
            continue;
        }
        const quint16 held = u.licenses();
        for (int s = 0; s < SkuCount; ++s) {
            if (held & bit(s)) {
                ++m_holders[s];
            }
        }
    }
}

void Tenant::sizeSkus()
{
    // Purchases around what is held: spare seats, an over-assigned SKU in its grace period, a
    // suspended one, a free one, and one whose consumedUnits differs from the people holding it.
    m_skus = QVector<Sku>(SkuCount);
    const auto h = [this](int s) {
        return m_holders.at(s);
    };
    m_skus[SkuE5] = {h(SkuE5) + 3 + h(SkuE5) / 50, 0, 5, 0, 0};
    m_skus[SkuE3] = {h(SkuE3) + 25 + h(SkuE3) / 20, 0, 0, 0, 0};
    m_skus[SkuO365E3] = {std::max(0, h(SkuO365E3) - 5 - h(SkuO365E3) / 100), 0, 50 + h(SkuO365E3) / 10, 0, 0};
    m_skus[SkuEms] = {h(SkuEms) + 40, 0, 0, 0, 0};
    m_skus[SkuPowerBi] = {h(SkuPowerBi), 0, 0, 0, 2};
    m_skus[SkuVisio] = {2 * h(SkuVisio) + 10, 0, 0, 0, 0};
    m_skus[SkuProject] = {0, h(SkuProject) + 20, 0, 0, 0};
    m_skus[SkuFlowFree] = {10000, 0, 0, 0, 0};
    m_skus[SkuCopilot] = {std::max(50, h(SkuCopilot) + 25), 0, 0, 0, 0};
}

QString Tenant::subscriptionId(int sku) const
{
    return SimHash::guid(seed(), kSku, static_cast<quint64>(sku));
}

int Tenant::liveUsers() const
{
    return static_cast<int>(std::count_if(m_users.begin(), m_users.end(), [](const User &u) { return u.live(); }));
}

QString Tenant::userId(const User &user) const
{
    return SimHash::objectId(seed(), kUser, user.index);
}

std::optional<int> Tenant::userByObjectId(const QString &id) const
{
    const auto index = SimHash::objectIndex(seed(), kUser, id);
    if (!index || *index >= static_cast<quint64>(m_users.size())) {
        return std::nullopt;
    }
    return static_cast<int>(*index);
}

std::optional<int> Tenant::userByUpn(const QString &upn) const
{
    // UPNs carry the index ("name.12345@…", "name.12345_domain#EXT#@…"), so no table is needed.
    QString local = upn.section(u'@', 0, 0);
    if (local.contains(QLatin1StringView("#EXT#"), Qt::CaseInsensitive)) {
        local = local.section(u'_', 0, -2);
    }
    bool ok = false;
    const int index = local.section(u'.', -1).toInt(&ok);
    if (!ok || index < 0 || index >= m_users.size()
        || userPrincipalName(m_users.at(index)).compare(upn, Qt::CaseInsensitive) != 0) {
        return std::nullopt;
    }
    return index;
}

QString Tenant::groupId(int group) const
{
    return SimHash::objectId(seed(), kGroup, static_cast<quint64>(group));
}

std::optional<int> Tenant::groupByObjectId(const QString &id) const
{
    const auto index = SimHash::objectIndex(seed(), kGroup, id);
    if (!index || *index >= static_cast<quint64>(m_groups.size())) {
        return std::nullopt;
    }
    return static_cast<int>(*index);
}

std::optional<int> Tenant::appByServicePrincipalId(const QString &id) const
{
    const auto it = m_appBySpId.constFind(id.toLower());
    if (it == m_appBySpId.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

QString Tenant::grantId(int grant) const
{
    const Grant &g = m_grants.at(grant);
    return SimHash::opaque(seed(), kGrant, (quint64 {g.def} << 32) | static_cast<quint32>(g.user), 32);
}

QString Tenant::deviceId(int device) const
{
    return SimHash::objectId(seed(), kDevice, static_cast<quint64>(device));
}

QVector<quint32> Tenant::changedSince(quint64 seq, quint64 upto) const
{
    QVector<quint32> out;
    QSet<quint32> seen;
    const auto last = std::min(static_cast<qsizetype>(upto), m_changes.size());
    for (qsizetype i = last - 1; i >= static_cast<qsizetype>(seq); --i) {
        if (!seen.contains(m_changes.at(i))) {
            seen.insert(m_changes.at(i));
            out.append(m_changes.at(i));
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}

quint64 Tenant::nextPick(quint64 &counter) const
{
    return SimHash::of(seed(), {kMutation, changeSeq(), counter++});
}

MutationResult Tenant::mutate(const Mutation &mutation)
{
    MutationResult result;
    if (mutation.expireDeltaTokens) {
        ++m_deltaEpoch;
    }
    quint64 counter = 0;
    QSet<quint32> touched;
    // Someone live, not the admin (whose mailbox and token are in use), not picked yet.
    const auto pick = [&]() -> std::optional<quint32> {
        for (int attempt = 0; attempt < 64 && m_users.size() > 1; ++attempt) {
            const quint32 i = 1 + SimHash::below(nextPick(counter), static_cast<quint32>(m_users.size() - 1));
            if (m_users.at(i).live() && !touched.contains(i)) {
                touched.insert(i);
                return i;
            }
        }
        return std::nullopt;
    };
    const auto record = [&](quint32 i, QStringList &list) {
        m_changes.append(i);
        list.append(userId(m_users.at(i)));
    };
    for (int k = 0; k < mutation.add; ++k) {
        const auto i = static_cast<quint32>(m_users.size());
        User u;
        u.index = i;
        u.added = true;
        u.given = static_cast<quint8>(SimHash::below(nextPick(counter), static_cast<quint32>(givenNames().size())));
        u.family = static_cast<quint8>(SimHash::below(nextPick(counter), static_cast<quint32>(familyNames().size())));
        u.department = 1;
        u.jobTitle = 11;  // Praktikant: a new hire
        u.directLicenses = bit(SkuE3);
        m_users.append(u);
        touched.insert(i);
        record(i, result.added);
    }
    for (int k = 0; k < mutation.update; ++k) {
        if (const auto i = pick()) {
            // A new family name (marriage) and a new job title; UPN, mail and groups stay.
            User &u = m_users[*i];
            u.version = static_cast<quint8>(u.version + 1);
            u.jobTitle = static_cast<quint8>(1 + (u.jobTitle + 4) % (jobTitles().size() - 1));
            record(*i, result.updated);
        }
    }
    for (int k = 0; k < mutation.disable; ++k) {
        if (const auto i = pick()) {
            m_users[*i].enabled = false;
            record(*i, result.disabled);
        }
    }
    for (int k = 0; k < mutation.remove; ++k) {
        if (const auto i = pick()) {
            m_users[*i].deleted = true;
            record(*i, result.removed);
        }
    }
    for (int k = 0; k < mutation.softDelete; ++k) {
        if (const auto i = pick()) {
            m_users[*i].softDeleted = true;
            record(*i, result.softDeleted);
        }
    }
    countHolders();
    result.seq = changeSeq();
    return result;
}

}  // namespace stocktake::tenantsim
