// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/signinactivityparser.h"
#include "sync/entitystep.h"

#include <QHash>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace stocktake::sync {

/// A small entity fetched whole every time and swapped in one transaction: organization,
/// licenses (subscribedSkus), apps (servicePrincipals), grants (oauth2PermissionGrants). Its
/// pages are kept until the last one has come, so the transaction is short and a step running
/// beside the others (EntityStep::setBeside) can wait for the connection to be free.
class SnapshotStep : public EntityStep {
    Q_OBJECT

public:
    using PageWriter = std::function<core::Status(StoreWriter &, const QJsonArray &, qint64 &items, qint64 &skipped)>;
    SnapshotStep(QString entity, graph::Endpoint endpoint, QStringList clearStatements, PageWriter writer,
        StepContext &context, QObject *parent = nullptr);
    void start() override;

    static SnapshotStep *organization(StepContext &context, QObject *parent);
    static SnapshotStep *licenses(StepContext &context, QObject *parent);
    static SnapshotStep *apps(StepContext &context, QObject *parent);
    static SnapshotStep *grants(StepContext &context, QObject *parent);

private:
    void whenFree(std::function<void()> run);
    void write();

    graph::Endpoint m_endpoint;
    QStringList m_clear;
    PageWriter m_writer;
    QList<QJsonArray> m_pages;
};

/// Users: a full listing ($top 999) swapped in by mark-and-sweep, or, when a delta link is
/// stored, only the changes since (users/delta). The delta link is taken *before* a full
/// listing, so changes made while it runs are replayed by the next round (delta is idempotent).
class UsersStep : public EntityStep {
    Q_OBJECT

public:
    UsersStep(StepContext &context, QObject *parent = nullptr);
    void start() override;

private:
    void startFull();
    void startDelta(const QString &deltaLink);
    void listAll(const QUrl &deltaLink);
};

/// The paced pass `users?$select=id,signInActivity` (10 requests per minute, $top 500: 20 minutes
/// for 100,000 people). It runs beside the directory steps (perf-anchors P3), so it keeps its
/// pages in memory and writes them in one transaction through StepContext::whenStoreFree, after
/// the users are stored. Without Entra ID P1/P2 the tenant has no such data: activity becomes
/// "unknown", never "inactive".
class ActivityStep : public EntityStep {
    Q_OBJECT

public:
    ActivityStep(StepContext &context, QObject *parent = nullptr);
    void start() override;

private:
    void write();
    void ended(const core::Error &error);

    QList<graph::UserSignInActivity> m_records;
};

/// Groups and their members: the groups listing, then every group's members in `$batch`
/// envelopes of 20, following a member list's nextLink past 999. Nothing else in the store refers
/// to a group and no group to anything else (group_members refers only to groups), so the step
/// runs beside the directory: it keeps what it reads (the memberships compactly, as UTF-8: 228,000
/// at 100,000 people, about 12 MB) and swaps it in, in one transaction, once the connection is
/// free (StepContext::whenStoreFree).
class GroupsStep : public EntityStep {
    Q_OBJECT

public:
    GroupsStep(StepContext &context, QObject *parent = nullptr);
    ~GroupsStep() override;
    void start() override;
    void cancel() override;

private:
    void fetchMembers();
    void memberPage(const QString &groupId, const QJsonArray &items);
    void finishIfDone();
    void write();

    QList<graph::Group> m_groups;
    QHash<QString, std::uint32_t> m_groupNumbers;  ///< index into m_groups
    struct Membership {
        std::uint32_t group = 0;  ///< into m_groups
        std::uint32_t type = 0;   ///< into m_memberTypes
        std::size_t at = 0;       ///< the member's id in m_memberIds
        std::size_t size = 0;
    };
    std::vector<Membership> m_memberships;
    std::string m_memberIds;                 ///< every member's id, UTF-8, one after the other
    std::vector<std::string> m_memberTypes;  ///< "user", "group", …: the @odata.type's last part
    std::vector<std::string> m_groupIds;     ///< m_groups' ids, UTF-8, while they are written
    QObject *m_batch = nullptr;
    int m_openWalks = 0;
    bool m_batchDone = false;
    std::optional<core::Error> m_error;
};

}  // namespace stocktake::sync
