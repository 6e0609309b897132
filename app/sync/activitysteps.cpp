// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activitysteps.h"

#include "core/clock.h"
#include "graph/graphclient.h"
#include "graph/grapherror.h"
#include "graph/parsers.h"
#include "graph/signinpage.h"
#include "store/database.h"
#include "sync/storewriter.h"

#include <QSqlQuery>
#include <QTimeZone>

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

namespace stocktake::sync {

namespace {

bool isUnavailable(const core::Error &error)
{
    return error.code == QStringLiteral("graph.no_premium") || error.code == QStringLiteral("graph.consent_missing");
}

QDateTime startOfDayUtc(const QDate &day)
{
    return {day, QTime(0, 0), QTimeZone::utc()};
}

}  // namespace

/// The pages read and not yet written, in the order they came; an `endsDay` page is the mark
/// that day `day`'s last window has ended.
///
/// A page is kept small, so that many can wait while another step holds the store: each event
/// keeps its id and time as text and its person and app as numbers (DayUsageFold's, shared by
/// the days' folds), and the app with the name it signed in with as a label shared by the
/// events that have both alike. About 100 bytes an event, a third of its strings and views.
struct SignInsStep::ReadAhead {
    static constexpr std::uint32_t kNoLabel = 0xFFFFFFFF;
    struct Event {
        qint64 createdMs = 0;
        qint64 errorCode = 0;
        std::uint32_t at = 0;  ///< its id, then its created time, in the page's text
        std::uint32_t idSize = 0;
        std::uint32_t createdSize = 0;
        std::uint32_t person = DayUsageFold::kNone;
        std::uint32_t label = kNoLabel;  ///< into labels
    };
    struct Page {
        int day = -1;
        bool endsDay = false;
        qsizetype skipped = 0;
        std::vector<char> text;
        std::vector<Event> events;
    };
    /// An app (DayUsageFold's number, or kNone) and the name it signed in with, if any.
    struct Label {
        std::uint32_t app = DayUsageFold::kNone;
        bool named = false;
        std::string name;
    };

    std::deque<Page> pages;
    bool writeQueued = false;
    bool held = false;  ///< the windows' next pages are held back (EntityStep::holdQueries)
    /// A window failed: the pages read before it are written (the days they end committed),
    /// then the step fails with this; nothing read after it is kept.
    std::optional<core::Error> error;
    std::deque<Label> labels;                                   ///< for the whole sync: an app's name rarely changes
    std::vector<std::uint32_t> lastLabel;                       ///< by app number + 1 (0: no app): its latest label
    std::unordered_map<std::string, std::uint32_t> labelByKey;  ///< every label, by labelKey()

    static std::string labelKey(std::uint32_t app, const std::optional<std::string_view> &name)
    {
        std::string key = std::to_string(app);
        if (name)
            key.append(1, '=').append(*name);
        return key;
    }

    std::uint32_t labelOf(std::uint32_t app, const std::optional<std::string_view> &name)
    {
        if (app == DayUsageFold::kNone && !name)
            return kNoLabel;
        const std::size_t slot = app == DayUsageFold::kNone ? 0 : std::size_t(app) + 1;
        if (slot >= lastLabel.size())
            lastLabel.resize(slot + 1, kNoLabel);
        std::uint32_t &last = lastLabel[slot];
        if (last != kNoLabel) {
            const Label &label = labels[last];
            if (label.named == name.has_value() && (!name || label.name == *name))
                return last;  // as its previous event: nearly always
        }
        const auto [it, added] = labelByKey.try_emplace(labelKey(app, name), std::uint32_t(labels.size()));
        if (added)
            labels.push_back({app, name.has_value(), name ? std::string(*name) : std::string()});
        last = it->second;
        return last;
    }

    /// The event as the reader gave it, its strings in `page`, the labels and `ids`' numbers.
    graph::SignInView view(const Page &page, const Event &event, const DayUsageFold &ids) const
    {
        graph::SignInView v;
        v.id = {page.text.data() + event.at, event.idSize};
        v.created = {page.text.data() + event.at + event.idSize, event.createdSize};
        v.createdMs = event.createdMs;
        v.errorCode = event.errorCode;
        if (event.person != DayUsageFold::kNone)
            v.userId = ids.person(event.person);
        if (event.label != kNoLabel) {
            const Label &label = labels[event.label];
            if (label.app != DayUsageFold::kNone)
                v.appId = ids.app(label.app);
            if (label.named)
                v.appDisplayName = std::string_view(label.name);
        }
        return v;
    }
};

bool SignInsStep::DayPlan::fromDayStart() const
{
    return from == startOfDayUtc(day);
}

SignInsStep::SignInsStep(StepContext &context, QObject *parent)
    : EntityStep(QStringLiteral("signins"), context, parent)
    , m_reader(std::make_unique<graph::SignInPageReader>())
    , m_read(std::make_unique<ReadAhead>())
{
    m_lowPriority = true;  // a backfill: the directory comes first when Graph must choose
}

SignInsStep::~SignInsStep() = default;

void SignInsStep::start()
{
    planDays();
    m_summary.incremental = !m_context.request.full && !storedHighWaterMark().isEmpty();
    if (m_plan.isEmpty())
        return succeed();
    // The day's transaction opens with its first write (holdStore): the pages are read ahead
    // meanwhile, while the users' indexes are built and the steps beside write.
    m_dayTimer.start();
    startDay(0);
}

void SignInsStep::planDays()
{
    const QDateTime now = m_context.clock->nowUtc().toUTC();
    const QDate today = now.date();
    const int days = std::max(1, m_context.request.signInDays);
    // What each day already holds; a whole day is skipped unless --full.
    QHash<QString, QPair<QString, qint64>> known;
    if (!m_context.request.full) {
        QSqlQuery query(m_context.db->sql());
        if (query.exec(QStringLiteral("SELECT day, complete_until, events FROM signin_days"))) {
            while (query.next()) {
                known.insert(query.value(0).toString(), {query.value(1).toString(), query.value(2).toLongLong()});
                m_expectedEvents = std::max(m_expectedEvents, query.value(2).toLongLong());
            }
        }
    }
    if (m_expectedEvents == 0) {
        // No day seen yet (a first sync): a guess of one sign-in a person a day sizes the first
        // day's windows. Without it a large first day went as one window, one page after another.
        QSqlQuery query(m_context.db->sql());
        if (query.exec(QStringLiteral("SELECT count(*) FROM users")) && query.next())
            m_expectedEvents = query.value(0).toLongLong();
    }
    for (int i = 0; i < days; ++i) {
        const QDate day = today.addDays(-i);
        DayPlan plan {day, startOfDayUtc(day), std::min(startOfDayUtc(day.addDays(1)), now), 0};
        const auto it = known.constFind(day.toString(Qt::ISODate));
        if (it != known.constEnd()) {
            const QDateTime until = QDateTime::fromString(it->first, Qt::ISODate);
            if (until.isValid() && until >= plan.to)
                continue;  // nothing new in this day
            if (until.isValid() && until > plan.from) {
                plan.from = until;
                plan.eventsBefore = it->second;
            }
        }
        m_plan.append(plan);
    }
}

void SignInsStep::startDay(int index)
{
    const DayPlan &plan = m_plan.at(index);
    // Whole seconds: Graph's filter takes second precision, and the windows must meet exactly
    // ([from, mid) and [mid, to)), so no event is fetched twice or missed.
    const qint64 span = plan.from.secsTo(plan.to);
    // As many windows as the day's expected size fills (a whole day's share of the span). Not
    // when pacing: under Graph's 5 sign-in requests per 10 s the budget, not the round trip, sets
    // the pace, and each extra window ends in a partly filled page the budget pays for (P2).
    const qint64 expected = m_context.client->options().pacing ? 0 : m_expectedEvents * span / 86400;
    const int most = std::min(kMaxWindowsPerDay, m_context.client->options().maxInFlightPerHost);
    const int windows = int(std::clamp<qint64>(std::min(expected / kMinEventsPerWindow, span), 1, most));
    m_windowsLeft = windows;
    m_dayRead = 0;
    // Pages arrive only after this call returns to the event loop, and are written in the order
    // they came, after the previous day's end (writeOldestRead): every page goes into the day it
    // belongs to.
    for (int w = windows - 1; w >= 0; --w) {  // the newest window first, as the days
        const QDateTime from = plan.from.addSecs(span * w / windows);
        const QDateTime to = w == windows - 1 ? plan.to : plan.from.addSecs(span * (w + 1) / windows);
        const graph::Endpoint endpoint = graph::Endpoint::signIns(from, to);
        walkFrom(
            endpoint.url(m_context.client->apiBase()), endpoint,
            [this, index](const QJsonArray &) -> core::Status {
                keepRead(index, m_reader->issues().size());
                return {};
            },
            [this, index](const QUrl &) { windowDone(index); },
            [this](const core::Error &error) {
                if (isUnavailable(error))
                    return unavailable(error);
                failAfterRead(error);
            },
            // One reader serves every window: PagedQuery hands a page to the handler above right
            // after reading it, before any other response can arrive.
            [this](QByteArrayView body) { return m_reader->read(body, m_context.client->options().json); });
    }
}

void SignInsStep::failAfterRead(const core::Error &error)
{
    if (m_read->error)
        return;  // the other windows' ends that follow the first failure
    if (cancelled() || m_read->pages.empty())
        return fail(error);
    m_read->error = error;
    holdQueries(true);
    queueWriteRead();
}

void SignInsStep::keepRead(int day, qsizetype skipped)
{
    if (m_read->error)
        return;  // read after a window failed: fetched again by the next sync
    ReadAhead::Page &page = m_read->pages.emplace_back();
    page.day = day;
    page.skipped = skipped;
    const std::vector<graph::SignInView> &records = m_reader->records();
    std::size_t textSize = 0;
    for (const graph::SignInView &r : records)
        textSize += r.id.size() + r.created.size();
    page.text.reserve(textSize);
    page.events.reserve(records.size());
    for (const graph::SignInView &r : records) {
        ReadAhead::Event &event = page.events.emplace_back();
        event.createdMs = r.createdMs;
        event.errorCode = r.errorCode;
        event.at = std::uint32_t(page.text.size());
        event.idSize = std::uint32_t(r.id.size());
        event.createdSize = std::uint32_t(r.created.size());
        page.text.insert(page.text.end(), r.id.begin(), r.id.end());
        page.text.insert(page.text.end(), r.created.begin(), r.created.end());
        if (r.userId)
            event.person = m_fold.personNumber(*r.userId);
        event.label = m_read->labelOf(r.appId ? m_fold.appNumber(*r.appId) : DayUsageFold::kNone, r.appDisplayName);
    }
    m_dayRead += qint64(page.events.size());
    if (holdsStore()) {
        // The store is behind: two pages are written for each that comes until it has caught
        // up, so a backlog drains without leaving Graph idle for the whole of it.
        for (int i = 0; i < 2 && m_read->pages.size() > kMaxReadAhead && !hasEnded(); ++i)
            writeOldestRead();
    } else if (m_read->pages.size() >= kMaxReadAheadWaiting && !m_read->held) {
        // Another step holds the store: no more pages than this until it is free, and the
        // sign-ins go first then.
        m_read->held = true;
        holdQueries(true);
        (void)holdStore(true);
    }
    queueWriteRead();
}

bool SignInsStep::holdStore(bool first)
{
    if (holdsStore())
        return true;
    if (m_awaitingStore && !first)
        return false;
    // In turn with the other steps' writes, once no transaction holds the connection; ahead of
    // them once the pages read ahead fill up, or Graph would wait for all of them. Asking again
    // first makes the earlier ask void (its ticket).
    m_awaitingStore = true;
    const quint64 ticket = ++m_storeTicket;
    auto acquire = [self = QPointer<SignInsStep>(this), ticket] {
        SignInsStep *step = self.data();
        if (step == nullptr || step->hasEnded() || step->m_storeTicket != ticket)
            return;
        step->m_awaitingStore = false;
        if (auto s = step->begin(); !s)
            return step->fail(s.error());
        step->queueWriteRead();  // its first write lets held windows go on (writeOldestRead)
    };
    if (first && m_context.whenStoreFreeFirst)
        m_context.whenStoreFreeFirst(std::move(acquire));
    else
        m_context.whenStoreFree(std::move(acquire));
    return false;
}

void SignInsStep::queueWriteRead()
{
    if (m_read->writeQueued || (m_read->pages.empty() && !m_read->error))
        return;
    m_read->writeQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_read->writeQueued = false;
            // Without the store, holdStore()'s acquire queues the writes again: no turn is
            // spent asking meanwhile.
            if (writeOldestRead())
                queueWriteRead();
        },
        Qt::QueuedConnection);
}

bool SignInsStep::writeOldestRead()
{
    if (hasEnded())
        return false;
    if (m_read->pages.empty()) {
        if (m_read->error)
            fail(*m_read->error);
        return false;
    }
    if (!holdStore())
        return false;
    ReadAhead::Page page = std::move(m_read->pages.front());
    m_read->pages.pop_front();
    if (m_read->held) {
        // Two pages are written for each that comes from now on (keepRead): the backlog drains.
        m_read->held = false;
        holdQueries(false);
    }
    if (page.endsDay) {
        finishDay(page.day);
        return true;
    }
    StoreWriter &writer = *m_context.writer;
    // A person's or an app's usage_keys key, through the sync's caches by the fold's numbers.
    const auto keyOf = [&writer](StoreWriter::UsageKeys &keys, std::uint32_t number,
                           const std::optional<std::string_view> &id) -> core::Result<std::optional<qint64>> {
        if (!id)
            return std::optional<qint64>();
        const auto key = writer.usageKey(keys, number, *id);
        if (!key)
            return key.error();
        return std::optional<qint64>(*key);
    };
    for (const ReadAhead::Event &event : page.events) {
        const graph::SignInView signIn = m_read->view(page, event, m_fold);
        const std::uint32_t app
            = event.label == ReadAhead::kNoLabel ? DayUsageFold::kNone : m_read->labels[event.label].app;
        const auto personKey = keyOf(m_personKeys, event.person, signIn.userId);
        const auto appKey = keyOf(m_appKeys, app, signIn.appId);
        if (!personKey || !appKey) {
            fail(!personKey ? personKey.error() : appKey.error());
            return false;
        }
        if (auto s = writer.writeSignIn(signIn, *personKey, *appKey); !s) {
            fail(s.error());
            return false;
        }
        // A day resumed part-way takes only its app names from the fold (finishDay).
        m_fold.add(signIn, event.person, app);
    }
    m_dayEvents += qint64(page.events.size());
    countItems(qint64(page.events.size()));
    countSkipped(page.skipped);
    // The previous day's usage rows, a slice at a time: twice a page's events keeps ahead of a
    // day of the same size.
    if (auto s = writePending(std::max<qsizetype>(kMinPendingSlice, 2 * qsizetype(page.events.size()))); !s) {
        fail(s.error());
        return false;
    }
    return true;
}

void SignInsStep::windowDone(int index)
{
    if (--m_windowsLeft > 0 || m_read->error)
        return;
    if (cancelled())
        return fail(graph::GraphError::cancelled());
    const DayPlan &plan = m_plan.at(index);
    if (plan.fromDayStart() && plan.from.secsTo(plan.to) == 86400)
        m_expectedEvents = m_dayRead;  // a whole day: the best guess for the next one
    // Keep Graph busy while this day's last pages are written, folded and committed.
    if (index + 1 < m_plan.size())
        startDay(index + 1);
    m_read->pages.push_back({index, true, 0, {}, {}});
    queueWriteRead();
}

void SignInsStep::finishDay(int index)
{
    const DayPlan &plan = m_plan.at(index);
    // The previous day's rows that did not fit between this day's pages go first.
    if (auto s = writePending(-1); !s)
        return fail(s.error());
    // The high-water mark is the newest instant fully held; the first planned day is the newest.
    if (index == 0)
        m_highWaterMark = isoUtc(plan.to);
    const qint64 events = plan.eventsBefore + m_dayEvents;
    if (plan.fromDayStart()) {
        // Folded as its pages came: written between the next day's pages (writePending), or now
        // when no day follows.
        std::swap(m_fold, m_pendingFold);
        m_pending = PendingDay {index, events, {}, 0, false};
        if (index + 1 == m_plan.size()) {
            if (auto s = writePending(-1); !s)
                return fail(s.error());
        }
    } else {
        // Resumed part-way: folded from the table, which holds its earlier part (whose app
        // names were taken when it was written).
        if (auto s = m_context.writer->foldDay(plan.day); !s)
            return fail(s.error());
        if (auto s = m_context.writer->writeAppNames(m_fold); !s)
            return fail(s.error());
        if (auto s = m_context.writer->writeDayCheckpoint(plan.day, plan.to, events); !s)
            return fail(s.error());
    }
    m_fold.clear();
    if (index == 0) {
        const QDate today = m_context.clock->nowUtc().toUTC().date();
        if (auto s = m_context.writer->pruneSignIns(
                startOfDayUtc(today.addDays(1 - kRawRetentionDays)), today.addDays(1 - kUsageRetentionDays));
            !s)
            return fail(s.error());
    }
    // The first day's checkpoint may wait in m_pending: its high-water mark waits with it, and
    // goes with the commit that holds the checkpoint.
    const bool firstDayWritten = m_pending.index != 0;
    commitThen({}, firstDayWritten ? std::exchange(m_highWaterMark, QString()) : QString(),
        [this, index] { dayCommitted(index); });
}

void SignInsStep::dayCommitted(int index)
{
    const DayPlan &plan = m_plan.at(index);
    m_done = index + 1;
    m_dayEvents = 0;
    const qint64 dayMs = m_dayTimer.restart();
    m_msPerDay = m_msPerDay == 0 ? dayMs : (m_msPerDay * 3 + dayMs) / 4;
    if (m_context.progress) {
        SyncProgress p;
        p.entity = m_summary.entity;
        p.items = m_summary.items;
        p.detail = plan.day.toString(Qt::ISODate);
        p.etaSeconds = (m_plan.size() - m_done) * m_msPerDay / 1000;
        m_context.progress(p);
    }
    if (m_done >= m_plan.size())
        return succeed();
    // The activity pass and the usage report wait for a free connection; a backfill of many
    // days must not keep them waiting to its end.
    // The next day's transaction opens with its first write, after them (holdStore).
    if (m_context.runWaitingWrites)
        m_context.runWaitingWrites();
    queueWriteRead();  // what was read during the commit
}

core::Status SignInsStep::writePending(qsizetype rows)
{
    if (m_pending.index < 0)
        return {};
    const DayPlan &plan = m_plan.at(m_pending.index);
    if (!m_pending.started) {
        auto keyed = m_context.writer->startDayUsage(plan.day, m_pendingFold, m_personKeys, m_appKeys);
        if (!keyed)
            return keyed.error();
        m_pending.rows = std::move(*keyed);
        m_pending.started = true;
    }
    const std::size_t to
        = rows < 0 ? m_pending.rows.size() : std::min(m_pending.rows.size(), m_pending.written + std::size_t(rows));
    if (auto s = m_context.writer->writeDayUsage(plan.day, m_pending.rows, m_pending.written, to); !s)
        return s;
    m_pending.written = to;
    if (m_pending.written < m_pending.rows.size())
        return {};
    if (auto s = m_context.writer->writeDayCheckpoint(plan.day, plan.to, m_pending.events); !s)
        return s;
    m_pending = PendingDay {};
    m_pendingFold.clear();
    return {};
}

// ---------------------------------------------------------------------------------------------

UsageStep::UsageStep(StepContext &context, QObject *parent)
    : EntityStep(QStringLiteral("usage"), context, parent)
{ }

void UsageStep::cancel()
{
    EntityStep::cancel();
    if (m_request != 0)
        m_context.client->cancel(m_request);
}

void UsageStep::start()
{
    const graph::Endpoint endpoint = graph::Endpoint::office365ActiveUserDetail();
    graph::GraphRequest request = graph::GraphRequest::get(endpoint, m_context.client->apiBase());
    request.expectJson = false;
    request.anonymousRedirect = true;
    request.counter = m_summary.entity;
    request.background = m_beside;
    request.maxBodyBytes = qint64(256) * 1024 * 1024;
    // Fetched beside the directory; written once the users are stored (the report names people
    // by UPN, joined to users.id as it is written) and no other step holds the connection.
    m_request = m_context.client->send(request, [this](core::Result<graph::GraphResponse> response) {
        m_request = 0;
        if (!response.ok()) {
            return m_context.whenStoreFree([this, error = response.error()] {
                if (isUnavailable(error))
                    return unavailable(error);
                fail(error);
            });
        }
        auto parsed = graph::parseOffice365ActiveUserDetail(response->body);
        if (!parsed.ok())
            return m_context.whenStoreFree([this, error = parsed.error()] { fail(error); });
        m_records = std::move(parsed->records);
        countSkipped(parsed->issues.size());
        m_context.whenStoreFree([this] { write(); });
    });
}

void UsageStep::write()
{
    if (cancelled())
        return fail(graph::GraphError::cancelled());
    // In key order: the rows go into m365_usage's primary key (report, upn).
    std::sort(m_records.begin(), m_records.end(), [](const graph::UsageRecord &a, const graph::UsageRecord &b) {
        return a.userPrincipalName < b.userPrincipalName;
    });
    if (auto s = begin(); !s)
        return fail(s.error());
    auto userIds = m_context.writer->userIdsByUpn();
    if (!userIds)
        return fail(userIds.error());
    const QString report = QStringLiteral("getOffice365ActiveUserDetail");
    QSqlQuery clear(m_context.db->sql());
    clear.prepare(QStringLiteral("DELETE FROM m365_usage WHERE report = ?"));
    clear.addBindValue(report);
    if (!clear.exec())
        return fail(storeWriteError(QStringLiteral("usage report"), QStringLiteral("clear")));
    std::vector<WritePart> parts;
    parts.push_back({std::size_t(m_records.size()), [this, report, userIds = std::move(*userIds)](std::size_t i) {
                         return m_context.writer->writeUsage(m_records.at(qsizetype(i)), report, userIds);
                     }});
    writeInTurns(std::move(parts), [this] {
        countItems(m_records.size());
        m_records.clear();
        commitThen({}, {}, [this] { succeed(); });
    });
}

}  // namespace stocktake::sync
