// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simdata.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace stocktake::tenantsim {

struct TenantOptions {
    int users = 1000;
    quint64 seed = 1;
    QDateTime now;         ///< UTC, whole seconds; every generated date is relative to it
    int historyDays = 30;  ///< sign-in log days (today counts as one)
    QString tenantId;      ///< the organisation id (a GUID)
};

/// How a person signs in (activity.h turns this into dates and sign-in events).
enum class ActivityKind : quint8 {
    Never,               ///< never signed in: signInActivity is empty
    NonInteractiveOnly,  ///< only token refreshes: no interactive sign-ins, none in the log
    Regular,             ///< interactive sign-ins, the last one `lastOffset` days ago
};

inline constexpr quint16 kNoOffset = 0xffff;

/// One person in a few bytes; names, ids and JSON are derived on demand.
struct User {
    quint32 index = 0;
    quint8 given = 0;
    quint8 family = 0;
    quint8 department = 0;  ///< 0 = none
    quint8 jobTitle = 0;    ///< 0 = none
    quint8 odd = 0;         ///< 0 = a person's name; else 1 + index into oddDisplayNames()
    quint8 place = 0;
    quint8 rate = 0;     ///< chance (of 256) of signing in on a day older than lastOffset
    quint8 version = 0;  ///< bumped by an "update" mutation
    ActivityKind kind = ActivityKind::Never;
    bool guest = false;
    bool enabled = true;
    bool deleted = false;      ///< removed by a mutation (hard delete)
    bool softDeleted = false;  ///< removed to the recycle bin by a mutation
    bool onPremises = false;
    bool managesPeople = false;
    bool added = false;                        ///< created by a mutation
    quint16 lastOffset = 0;                    ///< days before now of the last interactive sign-in
    quint16 nonInteractiveOffset = kNoOffset;  ///< days before now of the last token refresh
    quint16 createdDaysAgo = 0;
    quint16 directLicenses = 0;  ///< bit per SKU (simdata::SkuIndex)
    quint16 groupLicenses = 0;   ///< bit per SKU, inherited from a licensing group

    [[nodiscard]] bool live() const { return !deleted && !softDeleted; }
    [[nodiscard]] quint16 licenses() const { return directLicenses | groupLicenses; }
};

enum class GroupKind : quint8 { Department, LicenseE3, LicenseEms, Managers, Automation, Empty, Distribution, Team };

struct Group {
    GroupKind kind = GroupKind::Team;
    quint32 ordinal = 0;  ///< department index or team number
};

/// A member of a group that is not a user.
struct OtherMember {
    enum class Type : quint8 { Group, Device, ServicePrincipal };
    Type type = Type::Device;
    int index = 0;
};

struct App {
    QString name;
    QString appId;
    QString servicePrincipalId;  ///< empty: no service principal in the tenant
    QString ownerTenant;
    QString publisher;
    QString type;
    bool enabled = true;
    int def = -1;  ///< index into simdata::apps(); -1 for generated line-of-business apps
    [[nodiscard]] bool hasServicePrincipal() const { return !servicePrincipalId.isEmpty(); }
};

struct Grant {
    quint16 def = 0;   ///< index into simdata::grants()
    qint32 user = -1;  ///< -1 for AllPrincipals
};

struct Sku {
    int enabled = 0;
    int suspended = 0;
    int warning = 0;
    int lockedOut = 0;
    int consumedOffset = 0;  ///< consumedUnits = holders + this (Microsoft's count may differ)
};

/// What POST /_sim/mutate asks for; the people are picked deterministically.
struct Mutation {
    int add = 0;
    int update = 0;
    int disable = 0;
    int remove = 0;      ///< permanently deleted: @removed reason "deleted"
    int softDelete = 0;  ///< to the recycle bin: @removed reason "changed"
    bool expireDeltaTokens = false;
};

struct MutationResult {
    quint64 seq = 0;
    QStringList added, updated, disabled, removed, softDeleted;
};

/// The generated tenant: people, licences, groups, applications and grants, deterministic for a
/// seed and cheap enough to hold 300,000 people.
class Tenant {
public:
    explicit Tenant(const TenantOptions &options);

    [[nodiscard]] const TenantOptions &options() const { return m_options; }
    [[nodiscard]] quint64 seed() const { return m_options.seed; }
    [[nodiscard]] const QDateTime &now() const { return m_options.now; }

    [[nodiscard]] const QVector<User> &users() const { return m_users; }
    [[nodiscard]] int liveUsers() const;
    [[nodiscard]] std::optional<int> userByObjectId(const QString &id) const;
    [[nodiscard]] std::optional<int> userByUpn(const QString &upn) const;
    [[nodiscard]] QString userId(const User &user) const;
    [[nodiscard]] QString displayName(const User &user) const;
    [[nodiscard]] QString userPrincipalName(const User &user) const;
    [[nodiscard]] QString mail(const User &user) const;
    [[nodiscard]] std::optional<int> manager(const User &user) const;
    /// The person whose mailbox is "me" (the signed-in admin).
    [[nodiscard]] int admin() const { return 0; }
    /// Bit per sign-in application (index into apps()) this person uses.
    [[nodiscard]] quint64 appMask(const User &user) const;

    [[nodiscard]] const QVector<Group> &groups() const { return m_groups; }
    [[nodiscard]] QString groupId(int group) const;
    [[nodiscard]] std::optional<int> groupByObjectId(const QString &id) const;
    [[nodiscard]] QString groupName(int group) const;
    /// User members (indices) of a group, then its other members.
    [[nodiscard]] std::span<const quint32> userMembers(int group) const;
    [[nodiscard]] QVector<OtherMember> otherMembers(int group) const;
    [[nodiscard]] int licensingGroup(int sku) const;

    [[nodiscard]] const QVector<App> &apps() const { return m_apps; }
    [[nodiscard]] std::optional<int> appByServicePrincipalId(const QString &id) const;
    [[nodiscard]] const QVector<Grant> &grants() const { return m_grants; }
    [[nodiscard]] QString grantId(int grant) const;
    [[nodiscard]] QString deviceId(int device) const;

    [[nodiscard]] const Sku &sku(int index) const { return m_skus.at(index); }
    [[nodiscard]] int holders(int sku) const { return m_holders.at(sku); }
    [[nodiscard]] int consumedUnits(int sku) const { return m_holders.at(sku) + m_skus.at(sku).consumedOffset; }
    [[nodiscard]] QString subscriptionId(int sku) const;

    // users/delta: every change has a sequence number; tokens name the last one they saw.
    [[nodiscard]] quint64 changeSeq() const { return static_cast<quint64>(m_changes.size()); }
    [[nodiscard]] quint32 deltaEpoch() const { return m_deltaEpoch; }
    /// Distinct people changed after `seq` up to `upto`, in the order of their last change.
    [[nodiscard]] QVector<quint32> changedSince(quint64 seq, quint64 upto) const;
    MutationResult mutate(const Mutation &mutation);

    // JSON as Graph renders each object (tenantjson.cpp); "full" objects hold every property.
    [[nodiscard]] QJsonObject organizationJson() const;
    /// `only`: the properties wanted (empty: all); cheaper when a $select names a few.
    [[nodiscard]] QJsonObject userJson(const User &user, const QStringList &only = {}) const;
    [[nodiscard]] QJsonObject groupJson(int group) const;
    [[nodiscard]] QJsonObject skuJson(int sku) const;
    [[nodiscard]] QJsonObject servicePrincipalJson(int app) const;
    [[nodiscard]] QJsonObject grantJson(int grant) const;
    [[nodiscard]] QJsonObject deviceJson(int device) const;
    [[nodiscard]] QString primaryDomain() const { return QStringLiteral("contoso.example"); }
    [[nodiscard]] QString initialDomain() const { return QStringLiteral("contoso.onmicrosoft.com"); }

private:
    void generateUsers();
    void generateGroups();
    void generateApps();
    void generateGrants();
    void sizeSkus();
    void countHolders();
    User makeUser(quint32 index) const;
    [[nodiscard]] bool hasGrant(quint32 user, int grantDef) const;
    [[nodiscard]] QJsonArray disabledPlans(int sku, quint64 userHash) const;
    quint64 nextPick(quint64 &counter) const;

    TenantOptions m_options;
    int m_minOffset = 0;  ///< 1 when "today" has no time in it yet (now is at 00:00)
    QVector<User> m_users;
    QVector<Group> m_groups;
    QVector<quint32> m_memberStart;  ///< CSR: members of group g are m_members[start[g], start[g+1])
    QVector<quint32> m_members;
    QHash<int, int> m_licensingGroups;  ///< SKU → its licensing group
    int m_automationGroup = -1;
    int m_itDepartmentGroup = -1;
    QVector<App> m_apps;
    QHash<QString, int> m_appBySpId;
    QVector<Grant> m_grants;
    QVector<Sku> m_skus;
    QVector<int> m_holders;
    QVector<quint32> m_changes;  ///< user index per change; seq = position + 1
    quint32 m_deltaEpoch = 1;
};

}  // namespace stocktake::tenantsim
