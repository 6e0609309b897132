// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The client against a small synthetic tenant served over loopback: 2,000 users paged by
// $top/$skiptoken as Graph does, and users/delta with a change token. Proves that walking all
// pages yields exactly the tenant's users, and that a delta round trip after a mutation brings
// the local copy back to the truth (changes, additions, removals).
#include "graph/endpoint.h"
#include "graph/graphclient.h"
#include "graph/parsers.h"
#include "graphtesthelpers.h"
#include "scriptedserver.h"
#include "testtokens.h"

#include <QJsonDocument>
#include <QMap>
#include <QTest>
#include <QUrlQuery>

using namespace stocktake;
using namespace stocktake::testing;
using graph::Endpoint;
using graph::GraphClient;
using graph::GraphRequest;
using Response = ScriptedServer::Response;

namespace {

/// The tenant: users by id, a version counter, and when each user last changed or left.
class SyntheticTenant {
public:
    explicit SyntheticTenant(int users)
    {
        for (int i = 0; i < users; ++i) {
            put(QStringLiteral("user-%1").arg(i, 5, 10, QLatin1Char('0')), QStringLiteral("User %1").arg(i));
        }
    }

    void put(const QString &id, const QString &name)
    {
        ++m_version;
        m_users.insert(id,
            QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("displayName"), name},
                {QStringLiteral("userPrincipalName"), QString(id + QStringLiteral("@contoso.test"))},
                {QStringLiteral("accountEnabled"), true}});
        m_changed.insert(id, m_version);
        m_removed.remove(id);
    }

    void remove(const QString &id)
    {
        ++m_version;
        m_users.remove(id);
        m_changed.remove(id);
        m_removed.insert(id, m_version);
    }

    [[nodiscard]] const QMap<QString, QJsonObject> &users() const { return m_users; }

    Response answer(const ScriptedServer::Request &r, const QString &origin) const
    {
        const QUrlQuery q(QString::fromUtf8(r.query));
        const qsizetype skip = q.queryItemValue(QStringLiteral("$skiptoken")).toLongLong();
        if (r.path == "/v1.0/users") {
            const int top = std::clamp(q.queryItemValue(QStringLiteral("$top")).toInt(), 1, 999);
            return page(m_users.values(), skip, top, origin + QStringLiteral("/v1.0/users?$top=%1").arg(top), {});
        }
        if (r.path == "/v1.0/users/delta") {
            const QString token = q.queryItemValue(QStringLiteral("$deltatoken"));
            QList<QJsonObject> items;
            if (token.isEmpty()) {
                items = m_users.values();
            } else {
                const int since = token.toInt();
                for (auto it = m_changed.begin(); it != m_changed.end(); ++it) {
                    if (it.value() > since) {
                        items.append(m_users.value(it.key()));
                    }
                }
                for (auto it = m_removed.begin(); it != m_removed.end(); ++it) {
                    if (it.value() > since) {
                        items.append(QJsonObject {{QStringLiteral("id"), it.key()},
                            {QStringLiteral("@removed"),
                                QJsonObject {{QStringLiteral("reason"), QStringLiteral("deleted")}}}});
                    }
                }
            }
            return page(items, skip, 999, origin + QStringLiteral("/v1.0/users/delta?"),
                origin + QStringLiteral("/v1.0/users/delta?$deltatoken=%1").arg(m_version));
        }
        return Response::json(R"({"error":{"code":"Request_ResourceNotFound"}})", 404);
    }

private:
    static Response page(
        const QList<QJsonObject> &all, qsizetype skip, int top, const QString &base, const QString &delta)
    {
        QJsonArray value;
        for (qsizetype i = skip; i < std::min<qsizetype>(all.size(), skip + top); ++i) {
            value.append(all.at(i));
        }
        QJsonObject root {{QStringLiteral("value"), value}};
        if (skip + top < all.size()) {
            const QString sep = base.endsWith(u'?') ? QString() : QStringLiteral("&");
            root.insert(QStringLiteral("@odata.nextLink"),
                QString(base + sep + QStringLiteral("$skiptoken=%1").arg(skip + top)));
        } else if (!delta.isEmpty()) {
            root.insert(QStringLiteral("@odata.deltaLink"), delta);
        }
        return Response::json(QJsonDocument(root).toJson(QJsonDocument::Compact));
    }

    QMap<QString, QJsonObject> m_users;
    QMap<QString, int> m_changed;
    QMap<QString, int> m_removed;
    int m_version = 0;
};

/// Applies a walk's pages to a local copy, as the sync does with its store.
void apply(const Walk &walk, QMap<QString, QString> &local)
{
    for (const graph::Page &p : walk.pages) {
        const graph::Parsed<graph::User> parsed = graph::parseUsers(p.items);
        QVERIFY(parsed.issues.isEmpty());
        for (const graph::User &u : parsed.records) {
            local.insert(u.id, u.displayName);
        }
        for (const graph::RemovedItem &r : parsed.removed) {
            local.remove(r.id);
        }
    }
}

QMap<QString, QString> truth(const SyntheticTenant &tenant)
{
    QMap<QString, QString> t;
    for (auto it = tenant.users().begin(); it != tenant.users().end(); ++it) {
        t.insert(it.key(), it.value().value(QStringLiteral("displayName")).toString());
    }
    return t;
}

}  // namespace

class TestGraphTenant : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pagesEveryUserOfATwoThousandUserTenant();
    void deltaRoundTripAfterMutationMatchesTruth();
};

void TestGraphTenant::pagesEveryUserOfATwoThousandUserTenant()
{
    SyntheticTenant tenant(2000);
    ScriptedServer server;
    QVERIFY(server.listen());
    const QString origin = server.origin();
    server.setFallback([&tenant, origin](const ScriptedServer::Request &r) { return tenant.answer(r, origin); });
    ListTokenSource tokens({"tok"});
    graph::GraphClientOptions options;
    options.graphRoot = QUrl(origin);
    GraphClient client(options, tokens);

    const Walk walk = walkAndWait(client, GraphRequest::get(Endpoint::users(), client.apiBase()));
    QVERIFY(walk.end && walk.end->ok());
    QCOMPARE((*walk.end)->pages, 3);
    QCOMPARE((*walk.end)->items, 2000);
    QMap<QString, QString> local;
    apply(walk, local);
    QCOMPARE(local, truth(tenant));
    QCOMPARE(server.requests().size(), 3);
    for (const auto &r : server.requests()) {
        QVERIFY(r.query.contains("$top=999"));
        QCOMPARE(r.headers.value("authorization"), QByteArray("Bearer tok"));
    }
    QVERIFY(server.requests().first().query.contains("$select="));
}

void TestGraphTenant::deltaRoundTripAfterMutationMatchesTruth()
{
    SyntheticTenant tenant(2000);
    ScriptedServer server;
    QVERIFY(server.listen());
    const QString origin = server.origin();
    server.setFallback([&tenant, origin](const ScriptedServer::Request &r) { return tenant.answer(r, origin); });
    ListTokenSource tokens({"tok"});
    graph::GraphClientOptions options;
    options.graphRoot = QUrl(origin);
    GraphClient client(options, tokens);
    const GraphRequest first = GraphRequest::get(Endpoint::usersDelta(), client.apiBase());

    const Walk initial = walkAndWait(client, first);
    QVERIFY(initial.end && initial.end->ok());
    QMap<QString, QString> local;
    apply(initial, local);
    QCOMPARE(local.size(), 2000);
    const QUrl deltaLink = (*initial.end)->deltaLink;
    QVERIFY(deltaLink.isValid());
    const qsizetype requestsBefore = server.requests().size();

    tenant.put(QStringLiteral("user-00007"), QStringLiteral("Renamed Seven"));
    tenant.put(QStringLiteral("user-new"), QStringLiteral("Newcomer"));
    tenant.remove(QStringLiteral("user-01999"));

    const Walk second = walkAndWait(client, GraphRequest::follow(deltaLink, first));
    QVERIFY(second.end && second.end->ok());
    QCOMPARE((*second.end)->items, 3);  // two changed, one removed
    QCOMPARE(server.requests().size() - requestsBefore, 1);
    apply(second, local);
    QCOMPARE(local, truth(tenant));
    QCOMPARE(local.value(QStringLiteral("user-00007")), QStringLiteral("Renamed Seven"));
    QVERIFY(!local.contains(QStringLiteral("user-01999")));
    QVERIFY((*second.end)->deltaLink.isValid());
}

QTEST_GUILESS_MAIN(TestGraphTenant)
#include "tst_graphtenant.moc"
