// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "directoryroutes.h"

#include "activity.h"
#include "tenant.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace stocktake::tenantsim {

using namespace graphjson;

namespace {

/// users/delta pages are as big as the service likes; $top is not accepted there.
constexpr int kDeltaPage = 200;

const QStringList &userDefaults()
{
    static const QStringList kDefaults {QStringLiteral("businessPhones"), QStringLiteral("displayName"),
        QStringLiteral("givenName"), QStringLiteral("jobTitle"), QStringLiteral("mail"), QStringLiteral("mobilePhone"),
        QStringLiteral("officeLocation"), QStringLiteral("preferredLanguage"), QStringLiteral("surname"),
        QStringLiteral("userPrincipalName")};
    return kDefaults;
}

/// Properties Graph refuses to list for a collection (graph-facts §B.2: 501).
const QStringList &unlistable()
{
    static const QStringList kUnlistable {QStringLiteral("aboutMe"), QStringLiteral("birthday"),
        QStringLiteral("hireDate"), QStringLiteral("interests"), QStringLiteral("mailboxSettings"),
        QStringLiteral("mySite"), QStringLiteral("pastProjects"), QStringLiteral("preferredName"),
        QStringLiteral("responsibilities"), QStringLiteral("schools"), QStringLiteral("skills")};
    return kUnlistable;
}

HttpResponse noPremium()
{
    return error(403, QStringLiteral("Authentication_RequestFromNonPremiumTenantOrB2CTenant"),
        QStringLiteral("Neither tenant is B2C or tenant doesn't have premium license"));
}

QStringList keysOf(const QJsonObject &o)
{
    return o.keys();
}

/// `$expand=manager` or `manager($select=a,b)`: nothing when absent, an error text when other.
struct Expand {
    bool manager = false;
    QStringList select;
    QString error;
};

Expand parseExpand(const QUrlQuery &query)
{
    Expand e;
    const QString text = query.queryItemValue(QStringLiteral("$expand"), QUrl::FullyDecoded).trimmed();
    if (text.isEmpty()) {
        return e;
    }
    static const QRegularExpression kManager(
        QStringLiteral(R"(^manager(?:\(\$select=([A-Za-z,]+)\))?$)"), QRegularExpression::CaseInsensitiveOption);
    const auto m = kManager.match(text);
    if (!m.hasMatch()) {
        e.error = QStringLiteral("Could not find a navigation property or an unsupported $expand: '%1'.").arg(text);
        return e;
    }
    e.manager = true;
    e.select = m.captured(1).split(u',', Qt::SkipEmptyParts);
    return e;
}

}  // namespace

DirectoryRoutes::DirectoryRoutes(GraphContext &context)
    : m_context(context)
{ }

const QStringList &DirectoryRoutes::userProperties()
{
    static const QStringList kKnown = [] {
        QStringList k = userDefaults();
        k << QStringLiteral("id") << QStringLiteral("accountEnabled") << QStringLiteral("userType")
          << QStringLiteral("department") << QStringLiteral("companyName") << QStringLiteral("usageLocation")
          << QStringLiteral("createdDateTime") << QStringLiteral("onPremisesSyncEnabled")
          << QStringLiteral("employeeId") << QStringLiteral("assignedLicenses")
          << QStringLiteral("licenseAssignmentStates") << QStringLiteral("proxyAddresses")
          << QStringLiteral("creationType") << QStringLiteral("externalUserState") << QStringLiteral("signInActivity");
        k += unlistable();
        return k;
    }();
    return kKnown;
}

HttpResponse DirectoryRoutes::handle(const HttpRequest &request)
{
    const QStringList s = request.path.split(u'/', Qt::SkipEmptyParts);
    const QString root = s.value(0);
    if (root == QLatin1StringView("organization") && s.size() == 1) {
        return organization(request);
    }
    if (root == QLatin1StringView("users")) {
        if (s.size() == 1) {
            return users(request);
        }
        if (s.size() == 2 && s.at(1) == QLatin1StringView("delta")) {
            return usersDelta(request);
        }
        if (s.size() == 2) {
            return user(request, s.at(1));
        }
        return none();  // e.g. users/{id}/messages: the mail routes
    }
    if (root == QLatin1StringView("groups")) {
        if (s.size() == 1) {
            return groups(request);
        }
        const auto g = m_context.tenant.groupByObjectId(s.at(1));
        if (!g) {
            return error(404, QStringLiteral("Request_ResourceNotFound"),
                QStringLiteral("Resource '%1' does not exist or one of its queried reference-property objects are not "
                               "present.")
                    .arg(s.at(1)));
        }
        if (s.size() == 2) {
            return group(request, *g);
        }
        if (s.value(2) == QLatin1StringView("members") && s.size() <= 4) {
            if (s.size() == 4 && s.at(3) != QLatin1StringView("microsoft.graph.user")) {
                return notFound(request.path);
            }
            return members(request, *g, s.size() == 4);
        }
        return notFound(request.path);
    }
    if (root == QLatin1StringView("subscribedSkus") && s.size() == 1) {
        return subscribedSkus(request);
    }
    if (root == QLatin1StringView("servicePrincipals")) {
        if (s.size() == 1) {
            return servicePrincipals(request);
        }
        const auto app = m_context.tenant.appByServicePrincipalId(s.at(1));
        if (!app || s.size() > 2) {
            return error(404, QStringLiteral("Request_ResourceNotFound"),
                QStringLiteral("Resource '%1' does not exist.").arg(s.at(1)));
        }
        return servicePrincipal(request, *app);
    }
    if (root == QLatin1StringView("oauth2PermissionGrants") && s.size() == 1) {
        return grants(request);
    }
    return none();
}

HttpResponse DirectoryRoutes::organization(const HttpRequest &request)
{
    const QJsonObject org = m_context.tenant.organizationJson();
    Collection c;
    c.context = QStringLiteral("organization");
    c.size = 1;
    c.item = [org](qsizetype, const QStringList &) {
        return org;
    };
    c.known = keysOf(org);
    return page(m_context, request, c);
}

QJsonObject DirectoryRoutes::managerJson(const User &manager, const QStringList &select) const
{
    QStringList wanted = select.isEmpty() ? userDefaults() : select;
    wanted << QStringLiteral("id");
    QJsonObject o = m_context.tenant.userJson(manager, wanted);
    o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.user"));
    return o;
}

HttpResponse DirectoryRoutes::users(const HttpRequest &request)
{
    const QUrlQuery &q = request.query;
    const Select sel = select(q, userProperties());
    for (const QString &f : sel.fields) {
        if (unlistable().contains(f)) {
            return error(501, QStringLiteral("NotImplemented"),
                QStringLiteral("This operation target is not yet supported: %1 cannot be listed.").arg(f));
        }
    }
    const bool activity = sel.fields.contains(QStringLiteral("signInActivity"))
        || q.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded)
               .contains(QLatin1StringView("signInActivity"), Qt::CaseInsensitive);
    if (activity && !m_context.premium) {
        return noPremium();
    }
    const Expand expand = parseExpand(q);
    if (!expand.error.isEmpty()) {
        return error(400, QStringLiteral("BadRequest"), expand.error);
    }
    Tenant &tenant = m_context.tenant;
    SignInModel &signIns = m_context.signIns;
    Collection c;
    c.context = QStringLiteral("users");
    c.size = tenant.users().size();
    c.item = [&tenant, &signIns, activity, expand, this](
                 qsizetype i, const QStringList &wanted) -> std::optional<QJsonObject> {
        const User &u = tenant.users().at(i);
        if (!u.live()) {
            return std::nullopt;
        }
        QJsonObject o = tenant.userJson(u, wanted);
        if (activity) {
            o.insert(QStringLiteral("signInActivity"), signIns.signInActivityJson(u));
        }
        if (expand.manager) {
            if (const auto m = tenant.manager(u)) {
                o.insert(QStringLiteral("manager"), managerJson(tenant.users().at(*m), expand.select));
            }
        }
        return o;
    };
    c.known = userProperties();
    c.defaults = userDefaults();
    c.extra = {QStringLiteral("manager")};
    c.rendersWanted = true;
    // graph-facts §B.2: with signInActivity the largest page is 500.
    c.maxTop = activity ? 500 : 999;
    return page(m_context, request, c);
}

HttpResponse DirectoryRoutes::user(const HttpRequest &request, const QString &key)
{
    Tenant &tenant = m_context.tenant;
    const Select sel = select(request.query, userProperties());
    if (!sel.unknown.isEmpty()) {
        return error(400, QStringLiteral("BadRequest"),
            QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.user'.").arg(sel.unknown));
    }
    const bool activity = sel.fields.contains(QStringLiteral("signInActivity"));
    auto index = tenant.userByObjectId(key);
    if (!index && key.contains(u'@')) {
        if (activity) {
            // A Microsoft Q&A answer (graph-facts §B.2): signInActivity needs the object id.
            return error(400, QStringLiteral("BadRequest"),
                QStringLiteral("signInActivity can only be read for a user addressed by object id."));
        }
        index = tenant.userByUpn(key);
    }
    if (!index || !tenant.users().at(*index).live()) {
        return error(404, QStringLiteral("Request_ResourceNotFound"),
            QStringLiteral("Resource '%1' does not exist or one of its queried reference-property objects are not "
                           "present.")
                .arg(key));
    }
    if (activity && !m_context.premium) {
        return noPremium();
    }
    const User &u = tenant.users().at(*index);
    QJsonObject o = tenant.userJson(u);
    if (activity) {
        o.insert(QStringLiteral("signInActivity"), m_context.signIns.signInActivityJson(u));
    }
    QJsonObject body = project(o, sel.fields, userDefaults());
    body.insert(QStringLiteral("@odata.context"), m_context.metadata(QStringLiteral("users/$entity")));
    return json(200, body);
}

QJsonObject DirectoryRoutes::deltaUser(const User &user, const QStringList &fields) const
{
    Tenant &tenant = m_context.tenant;
    if (!user.live()) {
        return QJsonObject {{QStringLiteral("id"), tenant.userId(user)},
            {QStringLiteral("@removed"),
                QJsonObject {{QStringLiteral("reason"),
                    user.softDeleted ? QStringLiteral("changed") : QStringLiteral("deleted")}}}};
    }
    QStringList wanted = fields.isEmpty() ? userDefaults() : fields;
    wanted << QStringLiteral("id");
    QJsonObject o = tenant.userJson(user, wanted);
    if (fields.contains(QStringLiteral("manager"))) {
        // graph-facts §B.3: a tracked manager comes back as manager@delta.
        const auto m = tenant.manager(user);
        o.insert(QStringLiteral("manager@delta"),
            m ? QJsonArray {QJsonObject {{QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.user")},
                {QStringLiteral("id"), tenant.userId(tenant.users().at(*m))}}}
              : QJsonArray {});
    }
    return o;
}

HttpResponse DirectoryRoutes::usersDelta(const HttpRequest &request)
{
    const QUrlQuery &q = request.query;
    Tenant &tenant = m_context.tenant;
    for (const char *refused : {"$top", "$expand", "$orderby"}) {
        if (q.hasQueryItem(QString::fromLatin1(refused))) {
            return error(400, QStringLiteral("Request_UnsupportedQuery"),
                QStringLiteral("The query parameter '%1' is not supported with delta.")
                    .arg(QString::fromLatin1(refused)));
        }
    }
    const QString deltaPath = QStringLiteral("/users/delta");
    const QString epoch = QString::number(tenant.deltaEpoch());
    const auto deltaLink = [&](quint64 seq, const QString &fields) {
        QUrlQuery link;
        link.addQueryItem(QStringLiteral("$deltatoken"),
            encodeToken({{QStringLiteral("e"), epoch}, {QStringLiteral("s"), QString::number(seq)},
                {QStringLiteral("f"), fields}}));
        return graphjson::link(m_context.apiBase(), deltaPath, link);
    };
    const auto resync = [&] {
        // graph-facts §B.3: an expired token means a full resync; Location says where to start.
        HttpResponse r = error(410, QStringLiteral("resyncRequired"), QStringLiteral("The delta token has expired."));
        r.headers.append({QByteArrayLiteral("Location"), (m_context.apiBase() + deltaPath).toUtf8()});
        return r;
    };

    // Where this page starts: the initial round (everyone) or the changes after a token.
    QString mode = QStringLiteral("full");
    quint64 since = tenant.changeSeq();
    quint64 upto = since;
    qsizetype position = 0;
    QString fields = q.queryItemValue(QStringLiteral("$select"), QUrl::FullyDecoded);
    const QString deltaToken = q.queryItemValue(QStringLiteral("$deltatoken"));
    const QString skipToken = q.queryItemValue(QStringLiteral("$skiptoken"));
    if (deltaToken == QLatin1StringView("latest")) {
        QJsonObject body {{QStringLiteral("@odata.context"), m_context.metadata(QStringLiteral("users"))},
            {QStringLiteral("value"), QJsonArray {}}, {QStringLiteral("@odata.deltaLink"), deltaLink(since, fields)}};
        return json(200, body);
    }
    if (!deltaToken.isEmpty() || !skipToken.isEmpty()) {
        const auto token = decodeToken(deltaToken.isEmpty() ? skipToken : deltaToken);
        if (!token) {
            return error(400, QStringLiteral("syncStateNotFound"), QStringLiteral("The delta token is not valid."));
        }
        if (token->value(QStringLiteral("e")) != epoch) {
            return resync();
        }
        fields = token->value(QStringLiteral("f"));
        since = token->value(QStringLiteral("s")).toULongLong();
        if (!deltaToken.isEmpty()) {
            mode = QStringLiteral("changes");
            upto = tenant.changeSeq();
        } else {
            mode = token->value(QStringLiteral("m"));
            upto = token->value(QStringLiteral("u")).toULongLong();
            position = token->value(QStringLiteral("p")).toLongLong();
        }
    }
    QStringList known = userProperties();
    known.append(QStringLiteral("manager"));
    const Select sel = select(QUrlQuery(QStringLiteral("$select=") + fields), known);
    if (!sel.unknown.isEmpty() || sel.fields.contains(QStringLiteral("signInActivity"))) {
        return error(400, QStringLiteral("BadRequest"),
            QStringLiteral("Property '%1' is not supported with delta.")
                .arg(sel.unknown.isEmpty() ? QStringLiteral("signInActivity") : sel.unknown));
    }

    QJsonArray value;
    const QVector<quint32> changes
        = mode == QLatin1StringView("changes") ? tenant.changedSince(since, upto) : QVector<quint32>();
    const qsizetype size = mode == QLatin1StringView("changes") ? changes.size() : tenant.users().size();
    while (position < size && value.size() < kDeltaPage) {
        const qsizetype index = mode == QLatin1StringView("changes") ? changes.at(position) : position;
        ++position;
        const User &u = tenant.users().at(index);
        if (mode != QLatin1StringView("changes") && !u.live()) {
            continue;
        }
        value.append(deltaUser(u, sel.fields));
    }
    QJsonObject body {{QStringLiteral("@odata.context"), m_context.metadata(QStringLiteral("users"))},
        {QStringLiteral("value"), value}};
    if (position < size) {
        QUrlQuery next;
        next.addQueryItem(QStringLiteral("$skiptoken"),
            encodeToken({{QStringLiteral("e"), epoch}, {QStringLiteral("m"), mode},
                {QStringLiteral("s"), QString::number(since)}, {QStringLiteral("u"), QString::number(upto)},
                {QStringLiteral("p"), QString::number(position)}, {QStringLiteral("f"), fields}}));
        body.insert(QStringLiteral("@odata.nextLink"), link(m_context.apiBase(), deltaPath, next));
    } else {
        // The next round starts after what this round covered.
        body.insert(
            QStringLiteral("@odata.deltaLink"), deltaLink(mode == QLatin1StringView("changes") ? upto : since, fields));
    }
    return json(200, body);
}

HttpResponse DirectoryRoutes::groups(const HttpRequest &request)
{
    Tenant &tenant = m_context.tenant;
    Collection c;
    c.context = QStringLiteral("groups");
    c.size = tenant.groups().size();
    c.item = [&tenant](qsizetype i, const QStringList &) {
        return std::optional<QJsonObject>(tenant.groupJson(static_cast<int>(i)));
    };
    c.known = keysOf(tenant.groupJson(0));
    return page(m_context, request, c);
}

HttpResponse DirectoryRoutes::group(const HttpRequest &request, int group)
{
    const QJsonObject full = m_context.tenant.groupJson(group);
    const Select sel = select(request.query, keysOf(full));
    QJsonObject body = project(full, sel.fields);
    body.insert(QStringLiteral("@odata.context"), m_context.metadata(QStringLiteral("groups/$entity")));
    return json(200, body);
}

HttpResponse DirectoryRoutes::members(const HttpRequest &request, int group, bool usersOnly)
{
    Tenant &tenant = m_context.tenant;
    const std::span<const quint32> people = tenant.userMembers(group);
    const QVector<OtherMember> others = usersOnly ? QVector<OtherMember>() : tenant.otherMembers(group);
    Collection c;
    c.context = QStringLiteral("directoryObjects");
    c.size = static_cast<qsizetype>(people.size()) + others.size();
    c.item = [&tenant, people, others](qsizetype i, const QStringList &) -> std::optional<QJsonObject> {
        if (i < static_cast<qsizetype>(people.size())) {
            const User &u = tenant.users().at(people[static_cast<std::size_t>(i)]);
            if (!u.live()) {
                return std::nullopt;
            }
            QJsonObject o = tenant.userJson(u, userDefaults() + QStringList {QStringLiteral("id")});
            o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.user"));
            return o;
        }
        const OtherMember &m = others.at(i - static_cast<qsizetype>(people.size()));
        QJsonObject o;
        switch (m.type) {
        case OtherMember::Type::Group:
            o = tenant.groupJson(m.index);
            o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.group"));
            break;
        case OtherMember::Type::Device:
            o = tenant.deviceJson(m.index);
            o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.device"));
            break;
        case OtherMember::Type::ServicePrincipal:
            o = tenant.servicePrincipalJson(m.index);
            o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.servicePrincipal"));
            break;
        }
        return o;
    };
    QStringList known = userProperties();
    known += keysOf(tenant.groupJson(0));
    known += keysOf(tenant.deviceJson(0));
    known += keysOf(tenant.servicePrincipalJson(0));
    c.known = known;
    return page(m_context, request, c);
}

HttpResponse DirectoryRoutes::subscribedSkus(const HttpRequest &request)
{
    Tenant &tenant = m_context.tenant;
    Collection c;
    c.context = QStringLiteral("subscribedSkus");
    c.size = simdata::SkuCount;
    c.item = [&tenant](qsizetype i, const QStringList &) {
        return std::optional<QJsonObject>(tenant.skuJson(static_cast<int>(i)));
    };
    c.known = keysOf(tenant.skuJson(0));
    // graph-facts §B.5: only $select.
    c.filterable = false;
    c.pageable = false;
    return page(m_context, request, c);
}

HttpResponse DirectoryRoutes::servicePrincipals(const HttpRequest &request)
{
    Tenant &tenant = m_context.tenant;
    Collection c;
    c.context = QStringLiteral("servicePrincipals");
    c.size = tenant.apps().size();
    c.item = [&tenant](qsizetype i, const QStringList &) -> std::optional<QJsonObject> {
        if (!tenant.apps().at(i).hasServicePrincipal()) {
            return std::nullopt;
        }
        return tenant.servicePrincipalJson(static_cast<int>(i));
    };
    c.known = keysOf(tenant.servicePrincipalJson(0));
    return page(m_context, request, c);
}

HttpResponse DirectoryRoutes::servicePrincipal(const HttpRequest &request, int app)
{
    const QJsonObject full = m_context.tenant.servicePrincipalJson(app);
    QJsonObject body = project(full, select(request.query, keysOf(full)).fields);
    body.insert(QStringLiteral("@odata.context"), m_context.metadata(QStringLiteral("servicePrincipals/$entity")));
    return json(200, body);
}

HttpResponse DirectoryRoutes::grants(const HttpRequest &request)
{
    Tenant &tenant = m_context.tenant;
    Collection c;
    c.context = QStringLiteral("oauth2PermissionGrants");
    c.size = tenant.grants().size();
    c.item = [&tenant](qsizetype i, const QStringList &) -> std::optional<QJsonObject> {
        const Grant &g = tenant.grants().at(i);
        // A deleted person's consents go with them.
        if (g.user >= 0 && !tenant.users().at(g.user).live()) {
            return std::nullopt;
        }
        return tenant.grantJson(static_cast<int>(i));
    };
    c.known = keysOf(tenant.grantJson(0));
    return page(m_context, request, c);
}

}  // namespace stocktake::tenantsim
