// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// tenant-sim's Graph directory and activity over real loopback HTTP: each endpoint's shape and
// paging, the mess of the generated tenant, and that every count and METRICS.md figure of the
// truth file equals what paging the sim returns (recomputed here from the served JSON alone).
// Also users/delta after /_sim/mutate, no-P1 tenants and determinism per seed.
#include "simclient.h"
#include "tenantsim.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <QUrlQuery>

#include <memory>

using stocktake::testing::simArguments;
using stocktake::testing::SimClient;
using stocktake::testing::TenantSim;

namespace {

constexpr int kUsers = 1500;
const QDateTime kNow(QDate(2026, 11, 20), QTime(15, 30), QTimeZone::utc());

QString filterDay(const QDate &day)
{
    return QStringLiteral("createdDateTime ge %1T00:00:00Z and createdDateTime lt %2T00:00:00Z")
        .arg(day.toString(Qt::ISODate), day.addDays(1).toString(Qt::ISODate));
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

/// METRICS.md last_active from a served signInActivity value.
std::optional<QDateTime> lastActive(const QJsonValue &activity)
{
    std::optional<QDateTime> latest;
    for (const char *key : {"lastSignInDateTime", "lastNonInteractiveSignInDateTime", "lastSuccessfulSignInDateTime"}) {
        const QJsonValue v = activity.toObject().value(QLatin1StringView(key));
        if (v.isString()) {
            const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
            if (!latest || t > *latest) {
                latest = t;
            }
        }
    }
    return latest;
}

QHash<QString, QJsonObject> byKey(const QJsonArray &rows, const QString &key)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonValue &v : rows) {
        out.insert(v.toObject().value(key).toString(), v.toObject());
    }
    return out;
}

}  // namespace

class TenantSimGraphTest : public QObject {
    Q_OBJECT

    std::unique_ptr<TenantSim> m_sim;
    std::unique_ptr<SimClient> m_client;
    QJsonObject m_truth;
    QJsonArray m_users;       // every user with licences and account state
    QJsonArray m_activities;  // id + signInActivity of every user
    QList<QJsonObject> m_signIns;

    [[nodiscard]] QJsonObject counts() const { return m_truth.value(QStringLiteral("counts")).toObject(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<TenantSim>(simArguments(kUsers));
        QVERIFY2(m_sim->isRunning(), qPrintable(m_sim->error()));
        m_client = std::make_unique<SimClient>(*m_sim);
        QVERIFY(m_client->signIn());
        m_truth = m_client->truth();
        QCOMPARE(m_truth.value(QStringLiteral("now")).toString(), QStringLiteral("2026-11-20T15:30:00Z"));
    }

    void organizationIsOneTenantWithVerifiedDomains()
    {
        const auto r = m_client->get(QStringLiteral("/v1.0/organization?$select=id,displayName,verifiedDomains"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.value().size(), 1);
        const QJsonObject org = r.value().at(0).toObject();
        QCOMPARE(org.value(QStringLiteral("id")).toString(), SimClient::kTenant);
        QCOMPARE(org.keys(),
            (QStringList {QStringLiteral("displayName"), QStringLiteral("id"), QStringLiteral("verifiedDomains")}));
        bool hasDefault = false;
        for (const QJsonValue &d : org.value(QStringLiteral("verifiedDomains")).toArray()) {
            hasDefault = hasDefault || d.toObject().value(QStringLiteral("isDefault")).toBool();
        }
        QVERIFY(hasDefault);
        QCOMPARE(r.headers.value("x-ms-resource-unit"), QByteArray("1"));
    }

    void usersPageAt999AndMatchTheTruth()
    {
        const auto w = m_client->walk(QStringLiteral(
            "/v1.0/users?$top=999&$select=id,displayName,userPrincipalName,accountEnabled,userType,assignedLicenses,"
            "licenseAssignmentStates,department,jobTitle&$expand=manager($select=id)"));
        QCOMPARE(w.failedStatus, 0);
        QCOMPARE(w.pages, (kUsers + 998) / 999);
        m_users = w.items;
        QSet<QString> ids;
        int guests = 0;
        int disabled = 0;
        for (const QJsonValue &v : std::as_const(m_users)) {
            const QJsonObject u = v.toObject();
            ids.insert(u.value(QStringLiteral("id")).toString());
            guests += u.value(QStringLiteral("userType")).toString() == QLatin1StringView("Guest") ? 1 : 0;
            disabled += u.value(QStringLiteral("accountEnabled")).toBool() ? 0 : 1;
        }
        QCOMPARE(ids.size(), kUsers);
        QCOMPARE(counts().value(QStringLiteral("users")).toInt(), kUsers);
        QCOMPARE(counts().value(QStringLiteral("guests")).toInt(), guests);
        QCOMPARE(counts().value(QStringLiteral("disabled")).toInt(), disabled);
    }

    void usersAreAsMessyAsRealOnes()
    {
        QVERIFY(!m_users.isEmpty());
        bool cjk = false, arabic = false, hebrew = false, danish = false, guestUpn = false, disabledLicensed = false,
             byGroup = false, formula = false, noDepartment = false;
        int managed = 0;
        QSet<QString> ids;
        for (const QJsonValue &v : std::as_const(m_users)) {
            ids.insert(v.toObject().value(QStringLiteral("id")).toString());
        }
        for (const QJsonValue &v : std::as_const(m_users)) {
            const QJsonObject u = v.toObject();
            const QString name = u.value(QStringLiteral("displayName")).toString();
            for (const QChar c : name) {
                cjk = cjk || (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF);
                arabic = arabic || (c.unicode() >= 0x0600 && c.unicode() <= 0x06FF);
                hebrew = hebrew || (c.unicode() >= 0x0590 && c.unicode() <= 0x05FF);
                danish = danish || c == u'ø' || c == u'Ø' || c == u'å' || c == u'æ';
            }
            formula
                = formula || name.startsWith(u'=') || u.value(QStringLiteral("jobTitle")).toString().startsWith(u'=');
            guestUpn = guestUpn
                || u.value(QStringLiteral("userPrincipalName")).toString().contains(QStringLiteral("#EXT#@"));
            disabledLicensed = disabledLicensed
                || (!u.value(QStringLiteral("accountEnabled")).toBool()
                    && !u.value(QStringLiteral("assignedLicenses")).toArray().isEmpty());
            noDepartment = noDepartment || u.value(QStringLiteral("department")).isNull();
            for (const QJsonValue &s : u.value(QStringLiteral("licenseAssignmentStates")).toArray()) {
                byGroup = byGroup || s.toObject().value(QStringLiteral("assignedByGroup")).isString();
            }
            if (u.contains(QStringLiteral("manager"))) {
                const QJsonObject m = u.value(QStringLiteral("manager")).toObject();
                QCOMPARE(m.value(QStringLiteral("@odata.type")).toString(), QStringLiteral("#microsoft.graph.user"));
                QVERIFY(ids.contains(m.value(QStringLiteral("id")).toString()));
                QCOMPARE(m.keys().size(), 2);  // $select=id inside the expand: @odata.type and id
                ++managed;
            }
        }
        QVERIFY(cjk && arabic && hebrew && danish);
        QVERIFY(guestUpn);
        QVERIFY(disabledLicensed);
        QVERIFY(byGroup);
        QVERIFY(formula);
        QVERIFY(noDepartment);
        QVERIFY(managed > kUsers / 2);

        // Without $select: Graph's default property set, with fields Stocktake never reads.
        const auto r = m_client->get(QStringLiteral("/v1.0/users?$top=1"));
        QCOMPARE(r.status, 200);
        const QJsonObject u = r.value().at(0).toObject();
        QVERIFY(u.contains(QStringLiteral("businessPhones")) && u.contains(QStringLiteral("preferredLanguage")));
        QVERIFY(!u.contains(QStringLiteral("accountEnabled")));
        QVERIFY(!r.nextLink().isEmpty());
        // Unknown and unlistable properties are refused as Graph refuses them.
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/users?$select=noSuchThing")).status, 400);
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/users?$select=id,skills")).status, 501);
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/users?$top=1000")).status, 400);
    }

    void signInActivityPagesAt500AndMatchesTheTruth()
    {
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/users?$select=id,signInActivity&$top=501")).status, 400);
        const auto w = m_client->walk(QStringLiteral("/v1.0/users?$select=id,signInActivity&$top=500"));
        QCOMPARE(w.failedStatus, 0);
        QCOMPARE(w.pages, (kUsers + 499) / 500);
        QCOMPARE(w.items.size(), kUsers);
        m_activities = w.items;
        const QDateTime since = kNow.addDays(-30);
        int never = 0, nonInteractiveOnly = 0, active = 0;
        for (const QJsonValue &v : std::as_const(m_activities)) {
            const QJsonValue a = v.toObject().value(QStringLiteral("signInActivity"));
            const auto last = lastActive(a);
            never += last ? 0 : 1;
            active += last && *last >= since ? 1 : 0;
            nonInteractiveOnly += a.toObject().value(QStringLiteral("lastSignInDateTime")).isNull()
                    && a.toObject().value(QStringLiteral("lastNonInteractiveSignInDateTime")).isString()
                ? 1
                : 0;
            if (last) {
                QVERIFY(*last <= kNow);
            }
        }
        const QJsonObject summary
            = m_truth.value(QStringLiteral("users")).toObject().value(QStringLiteral("summary")).toObject();
        QVERIFY(never > 0 && nonInteractiveOnly > 0);
        QCOMPARE(summary.value(QStringLiteral("never_signed_in")).toInt(), never);
        QCOMPARE(summary.value(QStringLiteral("non_interactive_only")).toInt(), nonInteractiveOnly);
        QCOMPARE(summary.value(QStringLiteral("active")).toInt(), active);
    }

    void licenseFiguresOfTheTruthFollowFromWhatIsServed()
    {
        QVERIFY(!m_users.isEmpty() && !m_activities.isEmpty());
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/subscribedSkus?$top=5")).status, 400);
        QCOMPARE(m_client
                     ->get(QStringLiteral("/v1.0/subscribedSkus?$filter=")
                         + encoded(QStringLiteral("skuPartNumber eq 'EMS'")))
                     .status,
            400);
        const auto r = m_client->get(QStringLiteral(
            "/v1.0/subscribedSkus?$select=id,skuId,skuPartNumber,appliesTo,capabilityStatus,consumedUnits,prepaidUnits,"
            "servicePlans"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.nextLink().isEmpty());
        QCOMPARE(r.value().size(), counts().value(QStringLiteral("subscribed_skus")).toInt());
        QHash<QString, std::optional<QDateTime>> last;
        for (const QJsonValue &v : std::as_const(m_activities)) {
            last.insert(v.toObject().value(QStringLiteral("id")).toString(),
                lastActive(v.toObject().value(QStringLiteral("signInActivity"))));
        }
        const auto truth
            = byKey(m_truth.value(QStringLiteral("licenses")).toArray(), QStringLiteral("sku_part_number"));
        QSet<QString> statuses;
        bool consumedDiffers = false;
        const QDateTime since = kNow.addDays(-30);
        for (const QJsonValue &v : r.value()) {
            const QJsonObject sku = v.toObject();
            const QString part = sku.value(QStringLiteral("skuPartNumber")).toString();
            const QString skuId = sku.value(QStringLiteral("skuId")).toString();
            statuses.insert(sku.value(QStringLiteral("capabilityStatus")).toString());
            QVERIFY2(truth.contains(part), qPrintable(part));
            const QJsonObject row = truth.value(part);
            const int purchased
                = sku.value(QStringLiteral("prepaidUnits")).toObject().value(QStringLiteral("enabled")).toInt();
            const int assigned = sku.value(QStringLiteral("consumedUnits")).toInt();
            int holders = 0, active = 0, inactive = 0, disabled = 0;
            for (const QJsonValue &uv : std::as_const(m_users)) {
                const QJsonObject u = uv.toObject();
                bool holds = false;
                for (const QJsonValue &l : u.value(QStringLiteral("assignedLicenses")).toArray()) {
                    holds = holds || l.toObject().value(QStringLiteral("skuId")).toString() == skuId;
                }
                if (!holds) {
                    continue;
                }
                ++holders;
                const auto l = last.value(u.value(QStringLiteral("id")).toString());
                const bool isActive = l && *l >= since;
                const bool enabled = u.value(QStringLiteral("accountEnabled")).toBool();
                active += isActive ? 1 : 0;
                disabled += enabled ? 0 : 1;
                inactive += enabled && !isActive ? 1 : 0;
            }
            consumedDiffers = consumedDiffers || holders != assigned;
            QCOMPARE(row.value(QStringLiteral("purchased")).toInt(), purchased);
            QCOMPARE(row.value(QStringLiteral("assigned")).toInt(), assigned);
            QCOMPARE(row.value(QStringLiteral("assigned_users")).toInt(), holders);
            QCOMPARE(row.value(QStringLiteral("unassigned")).toInt(), std::max(purchased - assigned, 0));
            QCOMPARE(row.value(QStringLiteral("active")).toInt(), active);
            QCOMPARE(row.value(QStringLiteral("inactive")).toInt(), inactive);
            QCOMPARE(row.value(QStringLiteral("disabled")).toInt(), disabled);
            QCOMPARE(row.value(QStringLiteral("reclaimable")).toInt(), inactive + disabled);
        }
        QVERIFY(statuses.contains(QStringLiteral("Suspended")) && statuses.contains(QStringLiteral("Warning")));
        QVERIFY(consumedDiffers);
        // A priced SKU's monthly waste is (unassigned + reclaimable) × the bundled list price.
        const QJsonObject e3 = truth.value(QStringLiteral("SPE_E3"));
        const double waste
            = (e3.value(QStringLiteral("unassigned")).toInt() + e3.value(QStringLiteral("reclaimable")).toInt())
            * e3.value(QStringLiteral("unit_price")).toString().toDouble();
        QCOMPARE(e3.value(QStringLiteral("monthly_waste")).toString(), QString::number(waste, 'f', 2));
        QVERIFY(truth.value(QStringLiteral("FLOW_FREE")).value(QStringLiteral("monthly_waste")).isNull());
    }

    void groupsAndMembersMatchTheTruth()
    {
        const auto groups = m_client->walk(QStringLiteral("/v1.0/groups?$select=id,displayName,groupTypes&$top=999"));
        QCOMPARE(groups.failedStatus, 0);
        QCOMPARE(groups.items.size(), counts().value(QStringLiteral("groups")).toInt());
        QHash<QString, int> byType;
        int edges = 0;
        int pagedGroups = 0;
        for (const QJsonValue &g : groups.items) {
            const QString id = g.toObject().value(QStringLiteral("id")).toString();
            const auto members = m_client->walk(QStringLiteral("/v1.0/groups/%1/members?$select=id&$top=100").arg(id));
            QCOMPARE(members.failedStatus, 0);
            pagedGroups += members.pages > 1 ? 1 : 0;
            for (const QJsonValue &m : members.items) {
                const QJsonObject o = m.toObject();
                QCOMPARE(o.keys(), (QStringList {QStringLiteral("@odata.type"), QStringLiteral("id")}));
                byType[o.value(QStringLiteral("@odata.type")).toString().mid(17)] += 1;
                ++edges;
            }
        }
        QVERIFY(pagedGroups > 0);
        QCOMPARE(edges, counts().value(QStringLiteral("group_members")).toInt());
        const QJsonObject truthTypes = counts().value(QStringLiteral("group_members_by_type")).toObject();
        for (const QString &type : truthTypes.keys()) {
            QCOMPARE(byType.value(type), truthTypes.value(type).toInt());
        }
        QVERIFY(byType.value(QStringLiteral("group")) > 0 && byType.value(QStringLiteral("device")) > 0
            && byType.value(QStringLiteral("servicePrincipal")) > 0);
        QCOMPARE(
            m_client->get(QStringLiteral("/v1.0/groups/00000000-0000-4000-8000-000000000000/members")).status, 404);
    }

    void servicePrincipalsAndGrantsMatchTheTruth()
    {
        const auto sps = m_client->walk(
            QStringLiteral("/v1.0/servicePrincipals?$select=id,appId,displayName,appOwnerOrganizationId,publisherName,"
                           "servicePrincipalType,accountEnabled,tags&$top=999"));
        QCOMPARE(sps.failedStatus, 0);
        QCOMPARE(sps.items.size(), counts().value(QStringLiteral("service_principals")).toInt());
        QSet<QString> spIds;
        QSet<QString> types;
        bool firstParty = false, disabled = false;
        for (const QJsonValue &v : sps.items) {
            const QJsonObject sp = v.toObject();
            spIds.insert(sp.value(QStringLiteral("id")).toString());
            types.insert(sp.value(QStringLiteral("servicePrincipalType")).toString());
            firstParty = firstParty
                || sp.value(QStringLiteral("appOwnerOrganizationId")).toString()
                    == QLatin1StringView("f8cdef31-a31e-4b4a-93e4-5f571e91255a");
            disabled = disabled || !sp.value(QStringLiteral("accountEnabled")).toBool();
        }
        QVERIFY(firstParty && disabled);
        QVERIFY(types.contains(QStringLiteral("ManagedIdentity")) && types.contains(QStringLiteral("Legacy")));

        const auto grants = m_client->walk(QStringLiteral("/v1.0/oauth2PermissionGrants"));
        QCOMPARE(grants.failedStatus, 0);
        QCOMPARE(grants.items.size(), counts().value(QStringLiteral("oauth2_permission_grants")).toInt());
        QVERIFY(grants.pages > 1);  // Graph's default page is 100
        int all = 0;
        bool risky = false;
        for (const QJsonValue &v : grants.items) {
            const QJsonObject g = v.toObject();
            QVERIFY(spIds.contains(g.value(QStringLiteral("clientId")).toString()));
            QVERIFY(spIds.contains(g.value(QStringLiteral("resourceId")).toString()));
            const bool everyone
                = g.value(QStringLiteral("consentType")).toString() == QLatin1StringView("AllPrincipals");
            all += everyone ? 1 : 0;
            QCOMPARE(g.value(QStringLiteral("principalId")).isNull(), everyone);
            risky = risky || g.value(QStringLiteral("scope")).toString().contains(QStringLiteral("Mail.ReadWrite"));
        }
        QCOMPARE(all, counts().value(QStringLiteral("grants_all_principals")).toInt());
        QVERIFY(risky);
    }

    void signInsPerDayMatchTheTruthNewestFirst()
    {
        QCOMPARE(m_client->get(QStringLiteral("/v1.0/auditLogs/signIns?$top=1001")).status, 400);
        const QJsonObject byDay = counts().value(QStringLiteral("sign_ins_by_day")).toObject();
        QCOMPARE(byDay.size(), m_truth.value(QStringLiteral("sign_in_days")).toInt());
        qint64 total = 0;
        int failures = 0;
        for (const QString &day : byDay.keys()) {
            const auto w = m_client->walk(QStringLiteral("/v1.0/auditLogs/signIns?$top=1000&$filter=")
                + encoded(filterDay(QDate::fromString(day, Qt::ISODate))));
            QCOMPARE(w.failedStatus, 0);
            QCOMPARE(w.items.size(), byDay.value(day).toInt());
            QString previous;
            for (const QJsonValue &v : w.items) {
                const QJsonObject e = v.toObject();
                const QString created = e.value(QStringLiteral("createdDateTime")).toString();
                QVERIFY(created.startsWith(day));
                QVERIFY2(previous.isEmpty() || created <= previous, "sign-ins are not newest first");
                previous = created;
                failures += e.value(QStringLiteral("status")).toObject().value(QStringLiteral("errorCode")).toInt() != 0
                    ? 1
                    : 0;
                m_signIns.append(e);
            }
            total += w.items.size();
        }
        QCOMPARE(total, counts().value(QStringLiteral("sign_ins")).toInteger());
        QCOMPARE(failures, counts().value(QStringLiteral("sign_ins_failed")).toInt());
        const QJsonObject e = m_signIns.constFirst();
        QVERIFY(e.value(QStringLiteral("location")).toObject().value(QStringLiteral("geoCoordinates")).isObject());
        QVERIFY(e.value(QStringLiteral("deviceDetail")).toObject().contains(QStringLiteral("operatingSystem")));
        QCOMPARE(e.value(QStringLiteral("isInteractive")).toBool(), true);
        // $select and a filter on something other than the time work as well.
        const auto failed = m_client->get(QStringLiteral("/v1.0/auditLogs/signIns?$select=id,status&$filter=")
            + encoded(QStringLiteral("status/errorCode eq 50126")));
        QCOMPARE(failed.status, 200);
        for (const QJsonValue &v : failed.value()) {
            QCOMPARE(v.toObject().keys(), (QStringList {QStringLiteral("id"), QStringLiteral("status")}));
            QCOMPARE(v.toObject().value(QStringLiteral("status")).toObject().value(QStringLiteral("errorCode")).toInt(),
                50126);
        }
    }

    void appFiguresOfTheTruthFollowFromTheSignInLog()
    {
        QVERIFY(!m_signIns.isEmpty());
        const QDateTime since = kNow.addDays(-30);
        QHash<QString, QSet<QString>> people;
        QHash<QString, int> successes;
        QHash<QString, QString> lastUsed;
        for (const QJsonObject &e : std::as_const(m_signIns)) {
            if (e.value(QStringLiteral("status")).toObject().value(QStringLiteral("errorCode")).toInt() != 0) {
                continue;
            }
            const QString app = e.value(QStringLiteral("appId")).toString().toLower();
            const QString created = e.value(QStringLiteral("createdDateTime")).toString();
            lastUsed[app] = std::max(lastUsed.value(app), created);
            if (QDateTime::fromString(created, Qt::ISODate) >= since) {
                people[app].insert(e.value(QStringLiteral("userId")).toString());
                successes[app] += 1;
            }
        }
        const auto apps = byKey(m_truth.value(QStringLiteral("apps")).toArray(), QStringLiteral("app_key"));
        QCOMPARE(apps.size(), counts().value(QStringLiteral("apps")).toInt());
        for (auto it = apps.cbegin(); it != apps.cend(); ++it) {
            QCOMPARE(it->value(QStringLiteral("users_30d")).toInt(), static_cast<int>(people.value(it.key()).size()));
            QCOMPARE(it->value(QStringLiteral("sign_ins_30d")).toInt(), successes.value(it.key()));
            if (lastUsed.contains(it.key())) {
                QCOMPARE(it->value(QStringLiteral("last_used")).toString(), lastUsed.value(it.key()));
            }
        }
        // An app known only from sign-ins, one only from grants or an SP, and an admin consent.
        bool ssoOnly = false, allPrincipals = false;
        for (const QJsonObject &row : apps) {
            ssoOnly = ssoOnly || row.value(QStringLiteral("sources")).toString() == QLatin1StringView("sso");
            allPrincipals
                = allPrincipals || row.value(QStringLiteral("grant_users")).toString() == QLatin1StringView("all");
        }
        QVERIFY(ssoOnly && allPrincipals);
    }

    void sameSeedGivesTheSameTenant()
    {
        TenantSim twin(simArguments(kUsers));
        QVERIFY2(twin.isRunning(), qPrintable(twin.error()));
        SimClient client(twin);
        QVERIFY(client.signIn());
        QJsonObject a = m_truth;
        QJsonObject b = client.truth();
        for (const QString &timing : {QStringLiteral("generation_ms"), QStringLiteral("truth_ms")}) {
            a.remove(timing);
            b.remove(timing);
        }
        QCOMPARE(QJsonDocument(a).toJson(), QJsonDocument(b).toJson());
        const QString firstPage = QStringLiteral("/v1.0/users?$top=50&$select=id,displayName,assignedLicenses");
        QCOMPARE(client.get(firstPage).value(), m_client->get(firstPage).value());

        TenantSim other(simArguments(kUsers, {QStringLiteral("--seed"), QStringLiteral("8")}));
        QVERIFY2(other.isRunning(), qPrintable(other.error()));
        SimClient otherClient(other);
        QVERIFY(otherClient.signIn());
        QVERIFY(otherClient.get(firstPage).value() != m_client->get(firstPage).value());
    }

    void deltaReportsChangesAndRemovalsAfterAMutation()
    {
        TenantSim sim(simArguments(300));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        // The initial round pages through everyone and ends with a delta link.
        const auto initial = client.walk(QStringLiteral("/v1.0/users/delta?$select=id,displayName,accountEnabled"));
        QCOMPARE(initial.failedStatus, 0);
        QCOMPARE(initial.items.size(), 300);
        QVERIFY(initial.pages > 1);
        QVERIFY(
            initial.last.value(QStringLiteral("@odata.deltaLink")).toString().contains(QStringLiteral("$deltatoken=")));
        QCOMPARE(client.get(QStringLiteral("/v1.0/users/delta?$top=10")).status, 400);

        const auto latest = client.get(
            QStringLiteral("/v1.0/users/delta?$deltatoken=latest&$select=id,displayName,accountEnabled,manager"));
        QCOMPARE(latest.status, 200);
        QVERIFY(latest.value().isEmpty());
        const QString deltaLink = latest.json().value(QStringLiteral("@odata.deltaLink")).toString();
        QVERIFY(!deltaLink.isEmpty());
        // Nothing changed yet: an empty round.
        QVERIFY(client.get(deltaLink).value().isEmpty());

        const auto mutation = client.postJson(QStringLiteral("/_sim/mutate"),
            QJsonObject {{QStringLiteral("add"), 2}, {QStringLiteral("update"), 2}, {QStringLiteral("disable"), 1},
                {QStringLiteral("remove"), 1}, {QStringLiteral("softDelete"), 1}},
            false);
        QCOMPARE(mutation.status, 200);
        const QJsonObject m = mutation.json();
        const auto round = client.walk(deltaLink);
        QCOMPARE(round.failedStatus, 0);
        QHash<QString, QJsonObject> changed;
        for (const QJsonValue &v : round.items) {
            changed.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
        }
        QCOMPARE(changed.size(), 7);
        for (const QString &key : {QStringLiteral("added"), QStringLiteral("updated")}) {
            for (const QJsonValue &id : m.value(key).toArray()) {
                QVERIFY(changed.value(id.toString()).contains(QStringLiteral("displayName")));
                QVERIFY(changed.value(id.toString()).contains(QStringLiteral("manager@delta")));
            }
        }
        const QString disabled = m.value(QStringLiteral("disabled")).toArray().at(0).toString();
        QCOMPARE(changed.value(disabled).value(QStringLiteral("accountEnabled")).toBool(), false);
        const QString removed = m.value(QStringLiteral("removed")).toArray().at(0).toString();
        QCOMPARE(changed.value(removed)
                     .value(QStringLiteral("@removed"))
                     .toObject()
                     .value(QStringLiteral("reason"))
                     .toString(),
            QStringLiteral("deleted"));
        const QString soft = m.value(QStringLiteral("softDeleted")).toArray().at(0).toString();
        QCOMPARE(
            changed.value(soft).value(QStringLiteral("@removed")).toObject().value(QStringLiteral("reason")).toString(),
            QStringLiteral("changed"));

        // The truth follows the mutation; the next round is empty again.
        QCOMPARE(client.truth().value(QStringLiteral("counts")).toObject().value(QStringLiteral("users")).toInt(), 300);
        const QString next = round.last.value(QStringLiteral("@odata.deltaLink")).toString();
        QVERIFY(client.get(next).value().isEmpty());
        QCOMPARE(client.walk(QStringLiteral("/v1.0/users?$top=999&$select=id")).items.size(), 300);

        // Expired tokens: 410 with where to start over.
        QCOMPARE(client
                     .postJson(QStringLiteral("/_sim/mutate"),
                         QJsonObject {{QStringLiteral("expireDeltaTokens"), true}}, false)
                     .status,
            200);
        const auto gone = client.get(next);
        QCOMPARE(gone.status, 410);
        QCOMPARE(gone.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("resyncRequired"));
        QVERIFY(gone.headers.value("location").endsWith("/v1.0/users/delta"));
    }

    void withoutPremiumActivityIsForbiddenAndUnknown()
    {
        TenantSim sim(simArguments(200, {QStringLiteral("--no-premium")}));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        for (const QString &path : {QStringLiteral("/v1.0/users?$select=id,signInActivity&$top=500"),
                 QStringLiteral("/v1.0/auditLogs/signIns")}) {
            const auto r = client.get(path);
            QCOMPARE(r.status, 403);
            QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                QStringLiteral("Authentication_RequestFromNonPremiumTenantOrB2CTenant"));
        }
        QCOMPARE(client.get(QStringLiteral("/v1.0/users?$select=id,accountEnabled")).status, 200);
        const QJsonObject truth = client.truth();
        QCOMPARE(truth.value(QStringLiteral("premium")).toBool(), false);
        for (const QJsonValue &row : truth.value(QStringLiteral("licenses")).toArray()) {
            QVERIFY(row.toObject().value(QStringLiteral("active")).isNull());
            QVERIFY(row.toObject().value(QStringLiteral("reclaimable")).isNull());
            QVERIFY(row.toObject().value(QStringLiteral("monthly_waste")).isNull());
            QVERIFY(row.toObject().value(QStringLiteral("disabled")).isDouble());
        }
    }

    void linkSchemeHttpsWritesHttpsLinksWhileServingHttp()
    {
        TenantSim sim(simArguments(30, {QStringLiteral("--link-scheme"), QStringLiteral("https")}));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        const QString https = QStringLiteral("https://127.0.0.1:%1/v1.0/").arg(sim.port());
        QString next = QStringLiteral("/v1.0/users?$top=10&$select=id");
        QSet<QString> ids;
        int pages = 0;
        while (!next.isEmpty()) {
            const auto r = client.get(next);
            QCOMPARE(r.status, 200);
            QVERIFY(r.json().value(QStringLiteral("@odata.context")).toString().startsWith(https));
            for (const QJsonValue &v : r.value())
                ids.insert(v.toObject().value(QStringLiteral("id")).toString());
            ++pages;
            next = r.nextLink();
            if (!next.isEmpty()) {
                QVERIFY2(next.startsWith(https), qPrintable(next));
                next = QStringLiteral("http") + next.mid(5);  // the same link on the listener
            }
        }
        QCOMPARE(pages, 3);
        QCOMPARE(ids.size(), 30);
        // The report download's other origin is fetched by following a redirect: it stays http.
        const auto report = client.get(QStringLiteral("/v1.0/reports/getOffice365ActiveUserDetail(period='D30')"));
        QCOMPARE(report.status, 302);
        QVERIFY(report.headers.value("location").startsWith("http://127.0.0.1:"));

        TenantSim wrong(simArguments(30, {QStringLiteral("--link-scheme"), QStringLiteral("ftp")}));
        QVERIFY(!wrong.isRunning());
    }

    void latencyDelaysEachAnswerWithoutHoldingUpTheOthers()
    {
        // --latency is Graph's round trip: each answer leaves that long after it is ready, and
        // requests on other connections are served meanwhile (a client gains by keeping several
        // in flight). A server that waited in turn would need twice the delay for two.
        constexpr qint64 latencyMs = 1500;
        TenantSim sim(simArguments(30, {QStringLiteral("--latency"), QString::number(latencyMs)}));
        QVERIFY2(sim.isRunning(), qPrintable(sim.error()));
        SimClient client(sim);
        QVERIFY(client.signIn());
        QNetworkAccessManager nam;
        QElapsedTimer timer;
        timer.start();
        QList<QNetworkReply *> replies;
        QList<qint64> answeredAfter;
        for (const char *path : {"/v1.0/users?$top=5&$select=id", "/v1.0/groups?$top=5"}) {
            QNetworkRequest request(sim.baseUrl().resolved(QUrl(QString::fromLatin1(path))));
            request.setRawHeader("Authorization", "Bearer " + client.token());
            QNetworkReply *reply = nam.get(request);
            connect(reply, &QNetworkReply::finished, this,
                [&answeredAfter, &timer] { answeredAfter.append(timer.elapsed()); });
            replies.append(reply);
        }
        QTRY_COMPARE_WITH_TIMEOUT(answeredAfter.size(), 2, 10000);
        for (QNetworkReply *reply : std::as_const(replies)) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QVERIFY2(answeredAfter.first() >= latencyMs, qPrintable(QString::number(answeredAfter.first())));
        QVERIFY2(answeredAfter.last() < 2 * latencyMs, qPrintable(QString::number(answeredAfter.last())));
    }
};

QTEST_GUILESS_MAIN(TenantSimGraphTest)
#include "tst_tenantsim_graph.moc"
