// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/parsers.h"

#include "graph/fieldreader.h"

#include <QCoreApplication>

namespace stocktake::graph {

using core::Result;
using L = QLatin1StringView;

core::Error badRecord(const QString &problem)
{
    return {QStringLiteral("graph.bad_record"),
        QCoreApplication::translate("stocktake::graph::Parsers",
            "Microsoft Graph sent a record Stocktake could not "
            "read; it was skipped."),
        problem, core::ExitCode::Service};
}

std::optional<Result<RemovedItem>> parseRemoved(const QJsonObject &item)
{
    if (!item.contains(L("@removed"))) {
        return std::nullopt;
    }
    FieldReader r(item);
    RemovedItem out;
    out.id = r.id();
    const std::optional<QJsonObject> removed = r.optionalObject(L("@removed"));
    if (removed) {
        FieldReader rr(*removed, QStringLiteral("@removed"));
        out.reason = rr.optionalString(L("reason"), 32).value_or(QStringLiteral("deleted"));
        r.take(rr);
    } else {
        out.reason = QStringLiteral("deleted");
    }
    if (!r.ok()) {
        return Result<RemovedItem>(badRecord(r.problem()));
    }
    return Result<RemovedItem>(std::move(out));
}

Result<Organization> parseOrganization(const QJsonObject &item)
{
    FieldReader r(item);
    Organization o;
    o.id = r.id();
    o.displayName = r.optionalString(L("displayName"), 256).value_or(QString());
    o.tenantType = r.optionalString(L("tenantType"), 64);
    o.countryLetterCode = r.optionalString(L("countryLetterCode"), 8);
    o.createdDateTime = r.optionalDateTime(L("createdDateTime"));
    const QJsonArray domains = r.array(L("verifiedDomains"), 5000);
    for (const auto &v : domains) {
        if (!v.isObject()) {
            r.fail(QStringLiteral("verifiedDomains holds a non-object"));
            break;
        }
        FieldReader d(v.toObject(), QStringLiteral("verifiedDomains"));
        VerifiedDomain vd;
        vd.name = d.requiredString(L("name"), 256);
        vd.isDefault = d.optionalBool(L("isDefault")).value_or(false);
        vd.isInitial = d.optionalBool(L("isInitial")).value_or(false);
        r.take(d);
        o.verifiedDomains.append(vd);
    }
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return o;
}

namespace {

void readLicenses(FieldReader &r, User &u)
{
    const QJsonArray licenses = r.array(L("assignedLicenses"), 1000);
    u.assignedLicenses.reserve(licenses.size());
    for (const auto &v : licenses) {
        if (!v.isObject()) {
            r.fail(QStringLiteral("assignedLicenses holds a non-object"));
            return;
        }
        FieldReader l(v.toObject(), QStringLiteral("assignedLicenses"));
        AssignedLicense a;
        a.skuId = l.id(L("skuId"));
        a.disabledPlans = l.stringList(L("disabledPlans"), 1000, 64);
        r.take(l);
        u.assignedLicenses.append(std::move(a));
    }
    const QJsonArray states = r.array(L("licenseAssignmentStates"), 1000);
    u.licenseAssignmentStates.reserve(states.size());
    for (const auto &v : states) {
        if (!v.isObject()) {
            r.fail(QStringLiteral("licenseAssignmentStates holds a non-object"));
            return;
        }
        FieldReader l(v.toObject(), QStringLiteral("licenseAssignmentStates"));
        LicenseAssignmentState s;
        s.skuId = l.id(L("skuId"));
        s.assignedByGroup = l.optionalId(L("assignedByGroup"));
        s.state = l.optionalString(L("state"), 64);
        r.take(l);
        u.licenseAssignmentStates.append(std::move(s));
    }
}

void readManager(FieldReader &r, const QJsonObject &item, User &u)
{
    if (const std::optional<QJsonObject> manager = r.optionalObject(L("manager"))) {
        FieldReader m(*manager, QStringLiteral("manager"));
        u.managerId = m.id();
        r.take(m);
        return;
    }
    // users/delta reports a manager change as manager@delta: [{"@odata.type", "id"}].
    const QJsonValue delta = item.value(L("manager@delta"));
    if (delta.isArray()) {
        const QJsonArray a = delta.toArray();
        if (!a.isEmpty() && a.first().isObject()) {
            FieldReader m(a.first().toObject(), QStringLiteral("manager@delta"));
            u.managerId = m.id();
            r.take(m);
        }
    } else if (!delta.isUndefined() && !delta.isNull()) {
        r.fail(QStringLiteral("manager@delta is not an array"));
    }
}

}  // namespace

Result<User> parseUser(const QJsonObject &item)
{
    FieldReader r(item);
    User u;
    u.id = r.id();
    u.displayName = r.optionalString(L("displayName"), 512).value_or(QString());
    u.userPrincipalName = r.requiredString(L("userPrincipalName"), 1024);
    u.mail = r.optionalString(L("mail"), 512);
    u.accountEnabled = r.optionalBool(L("accountEnabled"));
    u.userType = r.optionalString(L("userType"), 32);
    u.department = r.optionalString(L("department"), 256);
    u.jobTitle = r.optionalString(L("jobTitle"), 256);
    u.createdDateTime = r.optionalDateTime(L("createdDateTime"));
    u.onPremisesSyncEnabled = r.optionalBool(L("onPremisesSyncEnabled"));
    readLicenses(r, u);
    readManager(r, item, u);
    if (item.contains(L("signInActivity"))) {
        u.signInActivity.present = true;
        if (const std::optional<QJsonObject> a = r.optionalObject(L("signInActivity"))) {
            FieldReader s(*a, QStringLiteral("signInActivity"));
            u.signInActivity.lastSignInDateTime = s.optionalDateTime(L("lastSignInDateTime"));
            u.signInActivity.lastNonInteractiveSignInDateTime
                = s.optionalDateTime(L("lastNonInteractiveSignInDateTime"));
            u.signInActivity.lastSuccessfulSignInDateTime = s.optionalDateTime(L("lastSuccessfulSignInDateTime"));
            r.take(s);
        }
    }
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return u;
}

Result<Group> parseGroup(const QJsonObject &item)
{
    FieldReader r(item);
    Group g;
    g.id = r.id();
    g.displayName = r.optionalString(L("displayName"), 512).value_or(QString());
    g.mail = r.optionalString(L("mail"), 512);
    g.mailEnabled = r.optionalBool(L("mailEnabled"));
    g.securityEnabled = r.optionalBool(L("securityEnabled"));
    g.groupTypes = r.stringList(L("groupTypes"), 16, 64);
    g.createdDateTime = r.optionalDateTime(L("createdDateTime"));
    g.onPremisesSyncEnabled = r.optionalBool(L("onPremisesSyncEnabled"));
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return g;
}

Result<MemberRef> parseMember(const QJsonObject &item)
{
    FieldReader r(item);
    MemberRef m;
    m.id = r.id();
    m.odataType = r.requiredString(L("@odata.type"), 128);
    if (r.ok() && !m.odataType.startsWith(QLatin1StringView("#microsoft.graph."))) {
        r.fail(QStringLiteral("@odata.type is not a Graph type"));
    }
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return m;
}

Result<SubscribedSku> parseSubscribedSku(const QJsonObject &item)
{
    FieldReader r(item);
    SubscribedSku s;
    s.id = r.id();
    s.skuId = r.id(L("skuId"));
    s.skuPartNumber = r.requiredString(L("skuPartNumber"), 256);
    s.appliesTo = r.optionalString(L("appliesTo"), 32);
    s.capabilityStatus = r.requiredString(L("capabilityStatus"), 32);
    s.consumedUnits = r.requiredInt(L("consumedUnits"));
    if (const std::optional<QJsonObject> units = r.optionalObject(L("prepaidUnits"))) {
        FieldReader u(*units, QStringLiteral("prepaidUnits"));
        s.prepaidUnits.enabled = u.optionalInt(L("enabled")).value_or(0);
        s.prepaidUnits.suspended = u.optionalInt(L("suspended")).value_or(0);
        s.prepaidUnits.warning = u.optionalInt(L("warning")).value_or(0);
        s.prepaidUnits.lockedOut = u.optionalInt(L("lockedOut")).value_or(0);
        r.take(u);
    } else if (r.ok()) {
        r.fail(QStringLiteral("prepaidUnits is missing"));
    }
    if (s.consumedUnits < 0 || s.prepaidUnits.enabled < 0 || s.prepaidUnits.suspended < 0 || s.prepaidUnits.warning < 0
        || s.prepaidUnits.lockedOut < 0) {
        r.fail(QStringLiteral("a unit count is negative"));
    }
    const QJsonArray plans = r.array(L("servicePlans"), 1000);
    s.servicePlans.reserve(plans.size());
    for (const auto &v : plans) {
        if (!v.isObject()) {
            r.fail(QStringLiteral("servicePlans holds a non-object"));
            break;
        }
        FieldReader p(v.toObject(), QStringLiteral("servicePlans"));
        ServicePlan plan;
        plan.servicePlanId = p.id(L("servicePlanId"));
        plan.servicePlanName = p.requiredString(L("servicePlanName"), 256);
        plan.provisioningStatus = p.optionalString(L("provisioningStatus"), 64);
        plan.appliesTo = p.optionalString(L("appliesTo"), 32);
        r.take(p);
        s.servicePlans.append(std::move(plan));
    }
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return s;
}

Result<ServicePrincipal> parseServicePrincipal(const QJsonObject &item)
{
    FieldReader r(item);
    ServicePrincipal sp;
    sp.id = r.id();
    sp.appId = r.id(L("appId"));
    sp.displayName = r.optionalString(L("displayName"), 512).value_or(QString());
    sp.appOwnerOrganizationId = r.optionalId(L("appOwnerOrganizationId"));
    sp.publisherName = r.optionalString(L("publisherName"), 512);
    sp.servicePrincipalType = r.optionalString(L("servicePrincipalType"), 64);
    sp.accountEnabled = r.optionalBool(L("accountEnabled"));
    sp.tags = r.stringList(L("tags"), 500, 512);
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return sp;
}

Result<OAuth2PermissionGrant> parseOAuth2PermissionGrant(const QJsonObject &item)
{
    FieldReader r(item);
    OAuth2PermissionGrant g;
    g.id = r.id();
    g.clientId = r.id(L("clientId"));
    g.consentType = r.requiredString(L("consentType"), 32);
    g.principalId = r.optionalId(L("principalId"));
    g.resourceId = r.id(L("resourceId"));
    const QString scope = r.optionalString(L("scope"), qsizetype {16} * 1024).value_or(QString());
    g.scopes = scope.split(u' ', Qt::SkipEmptyParts);
    if (!r.ok()) {
        return badRecord(r.problem());
    }
    return g;
}

Parsed<Organization> parseOrganizations(const QJsonArray &items)
{
    return parsePage<Organization>(items, parseOrganization);
}

Parsed<User> parseUsers(const QJsonArray &items)
{
    return parsePage<User>(items, parseUser);
}

Parsed<Group> parseGroups(const QJsonArray &items)
{
    return parsePage<Group>(items, parseGroup);
}

Parsed<MemberRef> parseMembers(const QJsonArray &items)
{
    return parsePage<MemberRef>(items, parseMember);
}

Parsed<SubscribedSku> parseSubscribedSkus(const QJsonArray &items)
{
    return parsePage<SubscribedSku>(items, parseSubscribedSku);
}

Parsed<ServicePrincipal> parseServicePrincipals(const QJsonArray &items)
{
    return parsePage<ServicePrincipal>(items, parseServicePrincipal);
}

Parsed<OAuth2PermissionGrant> parseOAuth2PermissionGrants(const QJsonArray &items)
{
    return parsePage<OAuth2PermissionGrant>(items, parseOAuth2PermissionGrant);
}

}  // namespace stocktake::graph
