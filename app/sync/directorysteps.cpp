// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "directorysteps.h"

#include "graph/batchjob.h"
#include "graph/graphclient.h"
#include "graph/grapherror.h"
#include "graph/pagedquery.h"
#include "graph/parsers.h"
#include "graph/signinactivityparser.h"
#include "store/database.h"
#include "sync/storewriter.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <algorithm>

namespace stocktake::sync {

namespace {

/// Writes every good record of a parsed page with `write`; rejects are counted, never fatal.
template <typename Record, typename Write>
core::Status writeAll(const graph::Parsed<Record> &parsed, qint64 &items, qint64 &skipped, Write write)
{
    for (const Record &record : parsed.records) {
        if (auto s = write(record); !s)
            return s;
        ++items;
    }
    skipped += parsed.issues.size();
    return {};
}

}  // namespace

SnapshotStep::SnapshotStep(QString entity, graph::Endpoint endpoint, QStringList clearStatements, PageWriter writer,
    StepContext &context, QObject *parent)
    : EntityStep(std::move(entity), context, parent)
    , m_endpoint(std::move(endpoint))
    , m_clear(std::move(clearStatements))
    , m_writer(std::move(writer))
{ }

void SnapshotStep::start()
{
    walkFrom(
        m_endpoint.url(m_context.client->apiBase()), m_endpoint,
        [this](const QJsonArray &items) -> core::Status {
            m_pages.append(items);
            return {};
        },
        [this](const QUrl &) { whenFree([this] { write(); }); },
        // fail() records the error in sync_state: that too waits for the connection.
        [this](const core::Error &error) { whenFree([this, error] { fail(error); }); });
}

void SnapshotStep::whenFree(std::function<void()> run)
{
    if (m_beside)
        m_context.whenStoreFree(std::move(run));
    else
        run();
}

void SnapshotStep::write()
{
    const QList<QJsonArray> pages = std::exchange(m_pages, {});
    if (cancelled())
        return fail(graph::GraphError::cancelled());
    if (auto s = begin(); !s)
        return fail(s.error());
    for (const QString &sql : m_clear) {
        if (auto s = m_context.writer->exec(sql); !s)
            return fail(s.error());
    }
    for (const QJsonArray &items : pages) {
        qint64 written = 0;
        qint64 skipped = 0;
        auto s = m_writer(*m_context.writer, items, written, skipped);
        countItems(written);
        countSkipped(skipped);
        if (!s)
            return fail(s.error());
    }
    if (auto s = commitWithState(); !s)
        return fail(s.error());
    succeed();
}

SnapshotStep *SnapshotStep::organization(StepContext &context, QObject *parent)
{
    return new SnapshotStep(
        QStringLiteral("organization"), graph::Endpoint::organization(), {QStringLiteral("DELETE FROM organization")},
        [](StoreWriter &w, const QJsonArray &items, qint64 &n, qint64 &skipped) {
            return writeAll(graph::parseOrganizations(items), n, skipped,
                [&w](const graph::Organization &o) { return w.writeOrganization(o); });
        },
        context, parent);
}

SnapshotStep *SnapshotStep::licenses(StepContext &context, QObject *parent)
{
    return new SnapshotStep(
        QStringLiteral("licenses"), graph::Endpoint::subscribedSkus(), {QStringLiteral("DELETE FROM subscribed_skus")},
        [](StoreWriter &w, const QJsonArray &items, qint64 &n, qint64 &skipped) {
            return writeAll(graph::parseSubscribedSkus(items), n, skipped,
                [&w](const graph::SubscribedSku &s) { return w.writeSku(s); });
        },
        context, parent);
}

SnapshotStep *SnapshotStep::apps(StepContext &context, QObject *parent)
{
    return new SnapshotStep(
        QStringLiteral("apps"), graph::Endpoint::servicePrincipals(),
        {QStringLiteral("DELETE FROM service_principals")},
        [](StoreWriter &w, const QJsonArray &items, qint64 &n, qint64 &skipped) {
            return writeAll(graph::parseServicePrincipals(items), n, skipped,
                [&w](const graph::ServicePrincipal &s) { return w.writeServicePrincipal(s); });
        },
        context, parent);
}

SnapshotStep *SnapshotStep::grants(StepContext &context, QObject *parent)
{
    return new SnapshotStep(
        QStringLiteral("grants"), graph::Endpoint::oauth2PermissionGrants(),
        {QStringLiteral("DELETE FROM oauth2_grants")},
        [](StoreWriter &w, const QJsonArray &items, qint64 &n, qint64 &skipped) {
            return writeAll(graph::parseOAuth2PermissionGrants(items), n, skipped,
                [&w](const graph::OAuth2PermissionGrant &g) { return w.writeGrant(g); });
        },
        context, parent);
}

// ---------------------------------------------------------------------------------------------

UsersStep::UsersStep(StepContext &context, QObject *parent)
    : EntityStep(QStringLiteral("users"), context, parent)
{ }

void UsersStep::start()
{
    const QString deltaLink = m_context.request.full ? QString() : storedDeltaLink();
    if (deltaLink.isEmpty())
        startFull();
    else
        startDelta(deltaLink);
}

void UsersStep::startDelta(const QString &deltaLink)
{
    m_summary.incremental = true;
    if (auto s = begin(); !s)
        return fail(s.error());
    walkFrom(
        QUrl(deltaLink), graph::Endpoint::usersDelta(),
        [this](const QJsonArray &items) -> core::Status {
            const auto parsed = graph::parseUsers(items);
            for (const auto &removed : parsed.removed) {
                if (auto s = m_context.writer->removeUser(removed.id); !s)
                    return s;
                countItems(1);
            }
            qint64 n = 0;
            qint64 skipped = 0;
            auto s = writeAll(
                parsed, n, skipped, [this](const graph::User &u) { return m_context.writer->upsertUser(u); });
            countItems(n);
            countSkipped(skipped);
            return s;
        },
        [this](const QUrl &next) {
            if (auto s = commitWithState(next.toString(QUrl::FullyEncoded)); !s)
                return fail(s.error());
            succeed();
        },
        [this](const core::Error &error) {
            // An expired or invalidated delta token: start over with a full listing.
            if (error.code == QStringLiteral("graph.resync_required") && !cancelled()) {
                abandon();
                m_summary.items = 0;
                m_summary.incremental = false;
                return startFull();
            }
            fail(error);
        });
}

void UsersStep::startFull()
{
    // Take the delta link first ($deltatoken=latest answers with no data), so that whatever
    // changes during the listing comes back in the next delta round.
    graph::Endpoint latest = graph::Endpoint::usersDelta();
    QUrl url = latest.url(m_context.client->apiBase());
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("$deltatoken"), QStringLiteral("latest"));
    url.setQuery(query);
    walkFrom(
        url, latest, [](const QJsonArray &) { return core::Status(); },
        [this](const QUrl &deltaLink) { listAll(deltaLink); },
        [this](const core::Error &error) {
            // A service that cannot hand out a delta link still gets a full listing; the next
            // sync is then full again.
            if (error.code == QStringLiteral("graph.bad_request") || error.code == QStringLiteral("graph.not_found"))
                return listAll(QUrl());
            fail(error);
        });
}

void UsersStep::listAll(const QUrl &deltaLink)
{
    if (auto s = begin(); !s)
        return fail(s.error());
    if (auto s = m_context.writer->beginSweep(QStringLiteral("users")); !s)
        return fail(s.error());
    // Every person is written: the indexes are built once at the end instead of kept up row by
    // row (at 100,000 people, most of this step's time went into them).
    auto indexes = m_context.writer->dropIndexes({QStringLiteral("users"), QStringLiteral("user_licenses")});
    if (!indexes)
        return fail(indexes.error());
    // So are the triggers that rewrote each person's licence column once per licence.
    const auto triggers = m_context.writer->dropTriggers(QStringLiteral("user_licenses"));
    if (!triggers)
        return fail(triggers.error());
    indexes->append(*triggers);
    walk(
        graph::Endpoint::users(),
        [this](const QJsonArray &items) -> core::Status {
            const auto parsed = graph::parseUsers(items);
            qint64 n = 0;
            qint64 skipped = 0;
            auto s = writeAll(parsed, n, skipped, [this](const graph::User &u) -> core::Status {
                if (auto w = m_context.writer->upsertUser(u); !w)
                    return w;
                return m_context.writer->markSeen(u.id);
            });
            countItems(n);
            countSkipped(skipped);
            return s;
        },
        [this, deltaLink, indexes = *indexes](const QUrl &) {
            Q_EMIT fetched();
            // The sweep and the index builds take seconds at 100,000 people: in turns, so the
            // sign-ins' first pages are read meanwhile.
            std::vector<WritePart> parts;
            parts.push_back({1, [this](std::size_t) -> core::Status {
                                 const auto removed = m_context.writer->sweepUnseen(QStringLiteral("users"));
                                 return removed ? core::Status() : core::Status(removed.error());
                             }});
            parts.push_back(indexBuilds(indexes));
            writeInTurns(std::move(parts),
                [this, deltaLink] { commitThen(deltaLink.toString(QUrl::FullyEncoded), {}, [this] { succeed(); }); });
        });
}

// ---------------------------------------------------------------------------------------------

ActivityStep::ActivityStep(StepContext &context, QObject *parent)
    : EntityStep(QStringLiteral("activity"), context, parent)
{ }

void ActivityStep::start()
{
    walkFrom(
        graph::Endpoint::signInActivity().url(m_context.client->apiBase()), graph::Endpoint::signInActivity(),
        [this](const QJsonArray &items) -> core::Status {
            auto parsed = graph::parseUserSignInActivities(items);
            countItems(parsed.records.size());
            countSkipped(parsed.issues.size());
            m_records.append(std::move(parsed.records));
            return {};
        },
        [this](const QUrl &) { m_context.whenStoreFree([this] { write(); }); },
        [this](const core::Error &error) { m_context.whenStoreFree([this, error] { ended(error); }); });
}

void ActivityStep::write()
{
    // In key order: each update finds its person through users' primary key and rewrites the
    // index that starts with the id (users_activity), page after page instead of at random.
    std::sort(m_records.begin(), m_records.end(), [](const auto &a, const auto &b) { return a.userId < b.userId; });
    if (auto s = begin(); !s)
        return fail(s.error());
    const auto indexes = m_context.writer->dropIndexes({QStringLiteral("users")},
        {QStringLiteral("last_sign_in"), QStringLiteral("last_non_interactive_sign_in"),
            QStringLiteral("last_successful_sign_in"), QStringLiteral("last_active")});
    if (!indexes)
        return fail(indexes.error());
    std::vector<WritePart> parts;
    parts.push_back({std::size_t(m_records.size()), [this](std::size_t i) {
                         const auto &record = m_records.at(qsizetype(i));
                         return m_context.writer->writeSignInActivity(record.userId, record.activity);
                     }});
    parts.push_back(indexBuilds(*indexes));
    writeInTurns(std::move(parts), [this] {
        m_records.clear();
        commitThen({}, {}, [this] { succeed(); });
    });
}

void ActivityStep::ended(const core::Error &error)
{
    m_records.clear();
    if (error.code == QStringLiteral("graph.no_premium") || error.code == QStringLiteral("graph.consent_missing")) {
        // Known activity from an earlier licence period would now be stale: unknown again.
        (void)m_context.writer->exec(QStringLiteral("UPDATE users SET sign_in_activity_available = 0"));
        return unavailable(error);
    }
    fail(error);
}

// ---------------------------------------------------------------------------------------------

GroupsStep::GroupsStep(StepContext &context, QObject *parent)
    : EntityStep(QStringLiteral("groups"), context, parent)
{ }

GroupsStep::~GroupsStep() = default;

void GroupsStep::cancel()
{
    EntityStep::cancel();
    if (auto *batch = qobject_cast<graph::BatchJob *>(m_batch))
        batch->cancel();
}

void GroupsStep::start()
{
    walkFrom(
        graph::Endpoint::groups().url(m_context.client->apiBase()), graph::Endpoint::groups(),
        [this](const QJsonArray &items) -> core::Status {
            auto parsed = graph::parseGroups(items);
            for (graph::Group &group : parsed.records) {
                // A group listed twice (a page boundary moved) is one group, and one batch item:
                // the ids in an envelope must differ.
                if (m_groupNumbers.contains(group.id))
                    continue;
                m_groupNumbers.insert(group.id, std::uint32_t(m_groups.size()));
                m_groups.append(std::move(group));
            }
            countSkipped(parsed.issues.size());
            return {};
        },
        [this](const QUrl &) { fetchMembers(); },
        // fail() records the error in sync_state: that too waits for the connection.
        [this](const core::Error &error) { m_context.whenStoreFree([this, error] { fail(error); }); });
}

void GroupsStep::fetchMembers()
{
    QList<graph::BatchItem> items;
    items.reserve(m_groups.size());
    for (const graph::Group &group : std::as_const(m_groups)) {
        const graph::Endpoint members = graph::Endpoint::groupMembers(group.id);
        items.append(graph::BatchItem {group.id, members.relativeUrl(), members.cost});
    }
    auto *batch = new graph::BatchJob(
        *m_context.client, items, QStringLiteral("group members"), graph::Budget::Directory, this);
    batch->setCounter(m_summary.entity);
    batch->setBackground(m_beside);
    m_batch = batch;
    batch->start(
        [this](const QString &groupId, core::Result<QJsonObject> body) {
            if (m_error)
                return;
            if (!body.ok()) {
                // A group deleted since the listing is no reason to fail the whole entity.
                if (body.error().code == QStringLiteral("graph.not_found"))
                    return;
                m_error = body.error();
                return;
            }
            memberPage(groupId, body->value(QStringLiteral("value")).toArray());
            const QString next = body->value(QStringLiteral("@odata.nextLink")).toString();
            if (next.isEmpty())
                return;
            ++m_openWalks;
            graph::GraphRequest request
                = graph::GraphRequest::get(graph::Endpoint::groupMembers(groupId), m_context.client->apiBase());
            request.url = QUrl(next);
            request.counter = m_summary.entity;
            request.background = m_beside;
            auto *walk = new graph::PagedQuery(*m_context.client, request, this);
            walk->start([this, groupId](const graph::Page &page) { memberPage(groupId, page.items); },
                [this](const core::Result<graph::PagingEnd> &end) {
                    --m_openWalks;
                    if (!end.ok() && !m_error)
                        m_error = end.error();
                    finishIfDone();
                });
        },
        [this](const core::Result<graph::BatchSummary> &summary) {
            m_batchDone = true;
            if (!summary.ok() && !m_error)
                m_error = summary.error();
            finishIfDone();
        });
}

void GroupsStep::memberPage(const QString &groupId, const QJsonArray &items)
{
    if (m_error)
        return;
    const auto parsed = graph::parseMembers(items);
    const std::uint32_t group = m_groupNumbers.value(groupId);
    for (const auto &member : parsed.records) {
        QString type = member.odataType;
        type.remove(QStringLiteral("#microsoft.graph."));
        const std::string typeText = type.isEmpty() ? std::string("unknown") : type.toStdString();
        auto known = std::find(m_memberTypes.begin(), m_memberTypes.end(), typeText);
        if (known == m_memberTypes.end())
            known = m_memberTypes.insert(m_memberTypes.end(), typeText);
        const QByteArray id = member.id.toUtf8();
        m_memberships.push_back(Membership {
            group, std::uint32_t(known - m_memberTypes.begin()), m_memberIds.size(), std::size_t(id.size())});
        m_memberIds.append(id.constData(), std::size_t(id.size()));
    }
    countSkipped(parsed.issues.size());
}

void GroupsStep::finishIfDone()
{
    if (!m_batchDone || m_openWalks > 0)
        return;
    m_context.whenStoreFree([this] {
        if (m_error)
            return fail(*m_error);
        write();
    });
}

void GroupsStep::write()
{
    if (cancelled())
        return fail(graph::GraphError::cancelled());
    if (auto s = begin(); !s)
        return fail(s.error());
    // Every group and membership is written again: the index by member is built once at the
    // end, not kept up through the delete and a quarter of a million inserts.
    const auto indexes = m_context.writer->dropIndexes({QStringLiteral("groups"), QStringLiteral("group_members")});
    if (!indexes)
        return fail(indexes.error());
    if (auto s = m_context.writer->exec(QStringLiteral("DELETE FROM groups")); !s)
        return fail(s.error());
    m_groupIds.clear();
    m_groupIds.reserve(std::size_t(m_groups.size()));
    for (const graph::Group &group : std::as_const(m_groups))
        m_groupIds.push_back(group.id.toStdString());
    const std::string_view ids(m_memberIds);
    // In key order: group_members is clustered on (group_id, member_id), so each insert lands
    // after the previous one instead of at random in a quarter of a million rows.
    std::sort(m_memberships.begin(), m_memberships.end(), [this, ids](const Membership &a, const Membership &b) {
        if (a.group != b.group)
            return m_groupIds[a.group] < m_groupIds[b.group];
        return ids.substr(a.at, a.size) < ids.substr(b.at, b.size);
    });
    std::vector<WritePart> parts;
    parts.push_back({std::size_t(m_groups.size()), [this](std::size_t i) {
                         return m_context.writer->writeGroup(m_groups.at(qsizetype(i)));
                     }});
    parts.push_back({m_memberships.size(), [this](std::size_t i) {
                         const Membership &m = m_memberships[i];
                         return m_context.writer->writeMember(m_groupIds[m.group],
                             std::string_view(m_memberIds).substr(m.at, m.size), m_memberTypes[m.type]);
                     }});
    parts.push_back(indexBuilds(*indexes));
    writeInTurns(std::move(parts), [this] {
        countItems(m_groups.size());
        m_groups.clear();
        m_groupIds = {};
        m_memberships = {};
        m_memberIds = {};
        commitThen({}, {}, [this] { succeed(); });
    });
}

}  // namespace stocktake::sync
