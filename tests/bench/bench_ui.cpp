// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// stocktake-bench-ui [--users N] [--runs N]: the desktop app over a cached 100,000-person tenant
// (issue 6; P8–P11 of research/perf-anchors.md). It needs a real Secret Service:
//
//   scripts/with-secret-service build/<preset>/tests/bench/stocktake-bench-ui
//
// It makes a keychain profile in a throwaway home whose encrypted database holds a realistic
// tenant (licences on ~20 SKUs, a few hundred service principals, consent grants, 30 days of
// daily usage for a tenth of the people), then measures, each `--runs` times (median and max):
//  1. cold start: the real `stocktake` binary, started fresh on the offscreen platform with
//     STOCKTAKE_REPORT_FIRST_PAINT=1, until the first paint, the first paint with the
//     Overview's figures (those it saved last time: the first run has none and computes them) and
//     the first paint with the figures computed now (wall time from the spawn, and the app's own
//     time from main());
//  2. the Users page: a search typed into the box, a column filter and clicks on column headers,
//     each until the view has painted the answer, and the longest event-loop stall meanwhile
//     (a 1 ms timer that records the largest gap between its ticks);
//  3. resident memory (VmRSS, VmHWM) after each page has shown its rows, after the searches and
//     after scrolling the Users table end to end, in a fresh process of its own (this program
//     again, with --window) so the fill does not count.
// It prints figures and never fails on them; it exits non-zero only when it could not measure.
#include "app/mainwindow.h"
#include "app/profilesession.h"
#include "insights/bundledcatalog.h"
#include "models/searchablemodel.h"
#include "pages/overviewpage.h"
#include "pages/tablepage.h"
#include "secrets/qtkeychainstore.h"
#include "secretservice.h"
#include "store/database.h"
#include "store/profilekeys.h"
#include "store/profilestore.h"
#include "store/usagedays.h"
#include "temphome.h"
#include "usagekeys.h"
#include "widgets/secureclipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <random>

using namespace stocktake;

namespace {

constexpr const char *kMicrosoftTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

// ---------------------------------------------------------------------------------------------
// Small helpers

/// Runs the event loop until `done()` or `timeoutMs`.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(2, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void settle(int ms)
{
    waitUntil([] { return false; }, ms);
}

struct Memory {
    double rssMb = 0;
    double hwmMb = 0;
};

/// VmRSS and VmHWM of /proc/<pid>/status ("self" for this process).
Memory readMemory(const QString &pid = QStringLiteral("self"))
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    Memory out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const auto kb = [&line] {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        };
        if (line.startsWith("VmRSS:"))
            out.rssMb = kb();
        else if (line.startsWith("VmHWM:"))
            out.hwmMb = kb();
    }
    return out;
}

struct Series {
    QList<double> values;
    [[nodiscard]] double median() const
    {
        if (values.isEmpty())
            return 0;
        QList<double> v = values;
        std::sort(v.begin(), v.end());
        const qsizetype n = v.size();
        return n % 2 ? v.at(n / 2) : (v.at(n / 2 - 1) + v.at(n / 2)) / 2;
    }
    [[nodiscard]] double max() const { return values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end()); }
};

void printRow(const QString &what, const Series &s, const char *unit)
{
    std::printf("  %-52s %9.1f %9.1f  %s  (n=%lld)\n", qPrintable(what), s.median(), s.max(), unit,
        static_cast<long long>(s.values.size()));
}

void printHeader(const char *title)
{
    std::printf("\n%s\n  %-52s %9s %9s\n", title, "", "median", "max");
}

QString guid(quint32 prefix, int n)
{
    return QStringLiteral("%1-0000-4000-8000-%2").arg(prefix, 8, 16, QChar(u'0')).arg(n, 12, 10, QChar(u'0'));
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

// ---------------------------------------------------------------------------------------------
// The tenant

struct TenantShape {
    qint64 users = 0, licenses = 0, skus = 0, principals = 0, grants = 0, usageRows = 0;
};

/// Runs a prepared statement with its bound values; reports the first failure.
bool run(QSqlQuery &q)
{
    if (q.exec())
        return true;
    std::fprintf(stderr, "bench-ui: insert failed: %s\n", qPrintable(q.lastError().text()));
    return false;
}

/// Fills `db` with a tenant of `userCount` people in one transaction, as a sync leaves it.
bool fillTenant(store::Database &db, int userCount, TenantShape &shape)
{
    std::mt19937 rng(20261122);
    const auto pick = [&rng](int n) {
        return int(rng() % quint32(n));
    };
    const QDateTime asOf = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QString fetched = iso(asOf);

    static const QStringList first {QStringLiteral("Ada"), QStringLiteral("Ben"), QStringLiteral("Chloé"),
        QStringLiteral("David"), QStringLiteral("Elena"), QStringLiteral("Farid"), QStringLiteral("Grace"),
        QStringLiteral("Hiro"), QStringLiteral("Ines"), QStringLiteral("Jonas"), QStringLiteral("Kofi"),
        QStringLiteral("Lena"), QStringLiteral("Mateo"), QStringLiteral("Nora"), QStringLiteral("Omar"),
        QStringLiteral("Priya"), QStringLiteral("Quinn"), QStringLiteral("Rosa"), QStringLiteral("Sven"),
        QStringLiteral("Tariq"), QStringLiteral("Uma"), QStringLiteral("Viktor"), QStringLiteral("Wen"),
        QStringLiteral("Yara"), QStringLiteral("Zoë"), QStringLiteral("Anna"), QStringLiteral("Bruno"),
        QStringLiteral("Carmen"), QStringLiteral("Dmitri"), QStringLiteral("Emma")};
    static const QStringList last {QStringLiteral("Garcia"), QStringLiteral("Smith"), QStringLiteral("Müller"),
        QStringLiteral("Kowalski"), QStringLiteral("Nguyen"), QStringLiteral("Okafor"), QStringLiteral("Rossi"),
        QStringLiteral("Tanaka"), QStringLiteral("Johansson"), QStringLiteral("Dubois"), QStringLiteral("Silva"),
        QStringLiteral("Novak"), QStringLiteral("Cohen"), QStringLiteral("Patel"), QStringLiteral("Kim"),
        QStringLiteral("Andersen"), QStringLiteral("Fischer"), QStringLiteral("Lopez"), QStringLiteral("Brown"),
        QStringLiteral("Ivanova"), QStringLiteral("Haddad"), QStringLiteral("Murphy"), QStringLiteral("Costa"),
        QStringLiteral("Yilmaz"), QStringLiteral("Wright"), QStringLiteral("Schmidt"), QStringLiteral("Martin"),
        QStringLiteral("Berg"), QStringLiteral("Chen"), QStringLiteral("Moreau"), QStringLiteral("Horvat"),
        QStringLiteral("Lindqvist"), QStringLiteral("Mendes"), QStringLiteral("Nowak"), QStringLiteral("Oliveira"),
        QStringLiteral("Park"), QStringLiteral("Reyes"), QStringLiteral("Sato"), QStringLiteral("Walker"),
        QStringLiteral("Zimmermann")};
    static const QStringList departments {QStringLiteral("Finance"), QStringLiteral("Sales"),
        QStringLiteral("Marketing"), QStringLiteral("Engineering"), QStringLiteral("Support"), QStringLiteral("Legal"),
        QStringLiteral("HR"), QStringLiteral("IT"), QStringLiteral("Operations"), QStringLiteral("Procurement"),
        QStringLiteral("Research"), QStringLiteral("Logistics"), QStringLiteral("Facilities"),
        QStringLiteral("Customer Success"), QStringLiteral("Product")};
    static const QStringList titles {QStringLiteral("Analyst"), QStringLiteral("Manager"),
        QStringLiteral("Senior Engineer"), QStringLiteral("Account Executive"), QStringLiteral("Consultant"),
        QStringLiteral("Director"), QStringLiteral("Specialist"), QStringLiteral("Coordinator"),
        QStringLiteral("Technician"), QStringLiteral("Associate")};
    // 15 priced SKUs of resources/licensing/list-prices.csv and 5 free or trial ones.
    static const QStringList skuParts {QStringLiteral("SPE_E3"), QStringLiteral("ENTERPRISEPACK"),
        QStringLiteral("SPE_E5"), QStringLiteral("SPE_F1"), QStringLiteral("O365_BUSINESS_PREMIUM"),
        QStringLiteral("STANDARDPACK"), QStringLiteral("ENTERPRISEPREMIUM"), QStringLiteral("SPB"),
        QStringLiteral("O365_BUSINESS_ESSENTIALS"), QStringLiteral("EXCHANGESTANDARD"),
        QStringLiteral("EXCHANGEENTERPRISE"), QStringLiteral("POWER_BI_PRO"), QStringLiteral("VISIOCLIENT"),
        QStringLiteral("PROJECTPROFESSIONAL"), QStringLiteral("Microsoft_365_Copilot"), QStringLiteral("FLOW_FREE"),
        QStringLiteral("POWERAPPS_VIRAL"), QStringLiteral("TEAMS_EXPLORATORY"), QStringLiteral("STREAM"),
        QStringLiteral("WINDOWS_STORE")};
    static const QStringList scopes {QStringLiteral("User.Read"), QStringLiteral("openid profile email"),
        QStringLiteral("User.Read Calendars.Read"), QStringLiteral("User.Read Files.Read"),
        QStringLiteral("User.Read Mail.Read"), QStringLiteral("Mail.ReadWrite Files.ReadWrite.All"),
        QStringLiteral("Directory.Read.All"), QStringLiteral("Sites.Read.All offline_access")};

    if (!db.beginWrite())
        return false;
    QSqlQuery q(db.sql());
    q.prepare(
        QStringLiteral("INSERT INTO sync_state (entity, last_success, item_count, available) VALUES (?, ?, ?, 1)"));
    for (const char *entity : {"users", "activity"}) {
        q.addBindValue(QString::fromLatin1(entity));
        q.addBindValue(fetched);
        q.addBindValue(userCount);
        if (!run(q))
            return false;
    }
    q.prepare(QStringLiteral("INSERT INTO signin_days (day, complete_until, events, fetched_at) VALUES (?, ?, ?, ?)"));
    for (int d = 1; d <= 30; ++d) {
        const QDate day = asOf.date().addDays(-d);
        q.addBindValue(day.toString(Qt::ISODate));
        q.addBindValue(iso(QDateTime(day.addDays(1), QTime(0, 0), QTimeZone::utc())));
        q.addBindValue(userCount / 4);
        q.addBindValue(fetched);
        if (!run(q))
            return false;
    }

    // A few hundred service principals: a quarter Microsoft's own, the rest third-party apps.
    const int principals = 400;
    q.prepare(QStringLiteral("INSERT INTO service_principals (id, app_id, display_name, app_display_name, "
                             "app_owner_organization_id, publisher_name, service_principal_type, account_enabled, "
                             "created, fetched_at) VALUES (?, ?, ?, ?, ?, ?, 'Application', 1, ?, ?)"));
    for (int s = 0; s < principals; ++s) {
        const bool microsoft = s % 4 == 0;
        const QString name
            = microsoft ? QStringLiteral("Microsoft Service %1").arg(s) : QStringLiteral("App %1").arg(s);
        q.addBindValue(guid(0x5b000000, s));
        q.addBindValue(guid(0xa0000000, s));
        q.addBindValue(name);
        q.addBindValue(name);
        q.addBindValue(microsoft ? QVariant(QString::fromLatin1(kMicrosoftTenant)) : QVariant(guid(0x7e000000, s)));
        q.addBindValue(microsoft ? QStringLiteral("Microsoft Corporation") : QStringLiteral("Vendor %1").arg(s % 90));
        q.addBindValue(iso(asOf.addDays(-pick(1500))));
        q.addBindValue(fetched);
        if (!run(q))
            return false;
    }
    // Admin consent for a third of the apps, towards Microsoft Graph (principal 0).
    QSqlQuery g(db.sql());
    g.prepare(QStringLiteral("INSERT INTO oauth2_grants (id, client_id, consent_type, principal_id, resource_id, "
                             "scope, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    int grantNo = 0;
    for (int s = 1; s < principals; s += 3) {
        g.addBindValue(QStringLiteral("grant-%1").arg(grantNo++));
        g.addBindValue(guid(0x5b000000, s));
        g.addBindValue(QStringLiteral("AllPrincipals"));
        g.addBindValue(nullText());
        g.addBindValue(guid(0x5b000000, 0));
        g.addBindValue(scopes.at(pick(int(scopes.size()))));
        g.addBindValue(fetched);
        if (!run(g))
            return false;
    }

    QSqlQuery u(db.sql());
    u.prepare(QStringLiteral(
        "INSERT INTO users (id, upn, display_name, mail, department, job_title, account_enabled, user_type, created, "
        "sign_in_activity_available, last_sign_in, last_non_interactive_sign_in, last_successful_sign_in, "
        "fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"));
    QSqlQuery l(db.sql());
    l.prepare(QStringLiteral("INSERT OR IGNORE INTO user_licenses (user_id, sku_id) VALUES (?, ?)"));
    QSqlQuery ud(db.sql());
    ud.prepare(QStringLiteral("INSERT INTO usage_daily (day, person, app, sign_ins, failures, last_sign_in) "
                              "VALUES (?, ?, ?, ?, ?, ?)"));
    bench::UsageKeys keys(db.sql());
    const auto when = [&](int hoursAgo) {
        return hoursAgo < 0 ? nullText() : QVariant(iso(asOf.addSecs(-3600LL * hoursAgo)));
    };
    for (int i = 0; i < userCount; ++i) {
        const QString id = guid(0x0a000000, i);
        const QString given = first.at(pick(int(first.size())));
        const QString family = last.at(pick(int(last.size())));
        const bool guest = i % 20 == 7;
        const bool enabled = i % 25 != 3;
        const QString local = QStringLiteral("%1.%2%3").arg(given.toLower(), family.toLower()).arg(i);
        const QString upn = guest ? local + QStringLiteral("_partner.example#EXT#@contoso.com")
                                  : local + QStringLiteral("@contoso.com");
        // Activity: most people within days, some weeks or months ago, a few never.
        const int roll = pick(100);
        const int hoursAgo = roll < 70 ? pick(72) : roll < 85 ? pick(24 * 30) : roll < 95 ? pick(24 * 180) : -1;
        u.addBindValue(id);
        u.addBindValue(upn);
        u.addBindValue(QString(given + u' ' + family));
        u.addBindValue(guest ? nullText() : QVariant(local + QStringLiteral("@contoso.com")));
        u.addBindValue(guest ? nullText() : QVariant(departments.at(pick(int(departments.size())))));
        u.addBindValue(guest ? nullText() : QVariant(titles.at(pick(int(titles.size())))));
        u.addBindValue(enabled ? 1 : 0);
        u.addBindValue(guest ? QStringLiteral("Guest") : QStringLiteral("Member"));
        u.addBindValue(iso(asOf.addDays(-30 - pick(2500))));
        u.addBindValue(when(hoursAgo));
        u.addBindValue(when(hoursAgo < 0 ? -1 : hoursAgo / 2));
        u.addBindValue(when(hoursAgo));
        u.addBindValue(fetched);
        if (!run(u))
            return false;
        ++shape.users;
        if (!guest && pick(100) < 90) {
            // A base licence (E3 most often) and sometimes an add-on or a free one.
            const int base = pick(100);
            const int skuIndex = base < 50 ? 0 : base < 70 ? 1 : base < 80 ? 2 : base < 92 ? 3 : 4 + pick(4);
            QList<int> held {skuIndex};
            if (pick(100) < 30)
                held.append(8 + pick(12));
            for (int s : std::as_const(held)) {
                l.addBindValue(id);
                l.addBindValue(guid(0x5c000000, s));
                if (!run(l))
                    return false;
                ++shape.licenses;
            }
        }
        if (i % 5 == 1) {
            g.addBindValue(QStringLiteral("grant-%1").arg(grantNo++));
            g.addBindValue(guid(0x5b000000, 1 + pick(principals - 1)));
            g.addBindValue(QStringLiteral("Principal"));
            g.addBindValue(id);
            g.addBindValue(guid(0x5b000000, 0));
            g.addBindValue(scopes.at(pick(int(scopes.size()))));
            g.addBindValue(fetched);
            if (!run(g))
                return false;
        }
        // Daily usage for a tenth of the people: their two to four apps on each working day.
        if (i % 10 == 4) {
            QList<int> apps;
            for (int k = 2 + pick(3); k > 0; --k) {
                const int app = pick(8) < 6 ? pick(40) : 40 + pick(principals - 40);
                if (!apps.contains(app))
                    apps.append(app);
            }
            for (int d = 1; d <= 30; ++d) {
                const QDate day = asOf.date().addDays(-d);
                if (day.dayOfWeek() > 5)
                    continue;
                for (int app : std::as_const(apps)) {
                    ud.addBindValue(store::usageDay(day));
                    ud.addBindValue(keys.key(id));
                    ud.addBindValue(keys.key(guid(0xa0000000, app)));
                    ud.addBindValue(1 + pick(8));
                    ud.addBindValue(pick(20) == 0 ? 1 : 0);
                    ud.addBindValue(QDateTime(day, QTime(8 + pick(10), pick(60)), QTimeZone::utc()).toSecsSinceEpoch());
                    if (!run(ud))
                        return false;
                    ++shape.usageRows;
                }
            }
        }
    }
    shape.grants = grantNo;
    shape.principals = principals;

    q.prepare(QStringLiteral("INSERT INTO subscribed_skus (sku_id, id, sku_part_number, applies_to, capability_status, "
                             "consumed_units, prepaid_enabled, fetched_at) VALUES (?, ?, ?, 'User', 'Enabled', "
                             "(SELECT count(*) FROM user_licenses WHERE sku_id = ?), "
                             "(SELECT count(*) FROM user_licenses WHERE sku_id = ?) * 11 / 10 + 25, ?)"));
    for (int s = 0; s < skuParts.size(); ++s) {
        const QString sku = guid(0x5c000000, s);
        q.addBindValue(sku);
        q.addBindValue(QString(guid(0x1d000000, s) + u'_' + sku));
        q.addBindValue(skuParts.at(s));
        q.addBindValue(sku);
        q.addBindValue(sku);
        q.addBindValue(fetched);
        if (!run(q))
            return false;
        ++shape.skus;
    }
    // Half a percent of the people asked for restriction (GDPR Art. 18).
    if (!db.exec(QStringLiteral("INSERT INTO subject_restriction (user_id, created) "
                                "SELECT id, '%1' FROM users WHERE rowid % 200 = 11")
                     .arg(fetched)))
        return false;
    return db.commit().ok();
}

// ---------------------------------------------------------------------------------------------
// Part 1: cold start of the real app

struct ColdStart {
    Series wallFirstPaint, wallWithData, wallWithFreshData, appFirstPaint, appWithData, appWithFreshData, rss, hwm;
};

bool measureColdStart(int runs, ColdStart &out)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("STOCKTAKE_REPORT_FIRST_PAINT"), QStringLiteral("1"));
    for (int i = 0; i < runs; ++i) {
        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.setProgram(QStringLiteral(STOCKTAKE_APP));
        QElapsedTimer wall;
        wall.start();
        app.start();
        QByteArray log;
        bool done = false;
        while (!done && wall.elapsed() < 60000 && app.state() != QProcess::NotRunning) {
            app.waitForReadyRead(100);
            while (app.canReadLine()) {
                const QByteArray line = app.readLine();
                const double now = double(wall.nsecsElapsed()) / 1e6;
                log += line;
                static const QByteArray withFreshData = "stocktake: first paint with fresh data ";
                static const QByteArray withData = "stocktake: first paint with data ";
                static const QByteArray plain = "stocktake: first paint ";
                if (line.startsWith(withFreshData)) {
                    out.wallWithFreshData.values.append(now);
                    out.appWithFreshData.values.append(line.mid(withFreshData.size()).split(' ').value(0).toDouble());
                    const Memory memory = readMemory(QString::number(app.processId()));
                    out.rss.values.append(memory.rssMb);
                    out.hwm.values.append(memory.hwmMb);
                    done = true;
                } else if (line.startsWith(withData)) {
                    out.wallWithData.values.append(now);
                    out.appWithData.values.append(line.mid(withData.size()).split(' ').value(0).toDouble());
                } else if (line.startsWith(plain)) {
                    out.wallFirstPaint.values.append(now);
                    out.appFirstPaint.values.append(line.mid(plain.size()).split(' ').value(0).toDouble());
                }
            }
        }
        app.terminate();
        if (!app.waitForFinished(5000)) {
            app.kill();
            app.waitForFinished(5000);
        }
        if (!done) {
            std::fprintf(stderr, "bench-ui: stocktake did not report its first paint with data:\n%s%s\n",
                log.constData(), app.readAllStandardError().constData());
            return false;
        }
        std::printf(
            "  run %d: first paint %.0f ms, with data %.0f ms, with fresh data %.0f ms (wall, from the spawn)\n", i + 1,
            out.wallFirstPaint.values.value(i), out.wallWithData.values.value(i),
            out.wallWithFreshData.values.value(i));
        std::fflush(stdout);
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Parts 2 and 3: the window, in a process of its own

/// The largest gap between the ticks of a 1 ms timer: how long the event loop went without a turn.
class StallProbe {
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxGapNs = std::max(m_maxGapNs, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_last = m_clock.nsecsElapsed();
        m_maxGapNs = 0;
    }
    [[nodiscard]] double maxGapMs() const
    {
        // The gap that is still open counts too.
        return double(std::max(m_maxGapNs, m_clock.nsecsElapsed() - m_last)) / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

/// Records when a widget was last painted.
class PaintWatch : public QObject {
public:
    PaintWatch(QWidget *widget, const QElapsedTimer &clock)
        : QObject(widget)
        , m_clock(clock)
    {
        widget->installEventFilter(this);
    }
    [[nodiscard]] qint64 lastPaintNs() const { return m_lastNs; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            m_lastNs = m_clock.nsecsElapsed();
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    qint64 m_lastNs = -1;
};

struct Operation {
    QString label;
    std::function<void()> act;
    bool report = true;
};

struct OperationFigures {
    Series shown, model, stall;
};

int runWindow(const QString &profileId, int runs)
{
    store::ProfileStore profiles(qEnvironmentVariable("STOCKTAKE_HOME"));
    const auto list = profiles.list();
    if (!list)
        return 2;
    const auto it = std::find_if(list->begin(), list->end(), [&](const auto &p) { return p.id == profileId; });
    if (it == list->end())
        return 2;
    const Memory atStart = readMemory();
    secrets::QtKeychainStore keychain;
    ui::SecureClipboard clipboard(QApplication::clipboard());
    ui::ProfileSession session(profiles, *it, keychain);
    bool opened = false;
    QObject::connect(&session, &ui::ProfileSession::opened, [&opened] { opened = true; });
    session.open();
    if (!waitUntil([&] { return opened; }, 30000)) {
        std::fprintf(stderr, "bench-ui: the profile did not open\n");
        return 2;
    }
    ui::PageContext context;
    context.connect = session.connectionFactory();
    context.clipboard = &clipboard;
    auto catalog = insights::loadBundledCatalog();
    if (!catalog)
        return 2;
    context.catalog = *catalog;
    ui::MainWindow window(&session, context, nullptr);
    auto *overview = window.findChild<ui::OverviewPage *>();
    bool overviewReady = false;
    QObject::connect(overview, &ui::OverviewPage::refreshed, [&overviewReady] { overviewReady = true; });
    window.show();

    std::printf("\nResident memory (this process: the window over the profile, offscreen)\n");
    std::printf("  %-52s %9s %9s\n", "", "VmRSS MB", "VmHWM MB");
    const auto memoryRow = [](const QString &what) {
        const Memory m = readMemory();
        std::printf("  %-52s %9.1f %9.1f\n", qPrintable(what), m.rssMb, m.hwmMb);
        std::fflush(stdout);
    };
    std::printf("  %-52s %9.1f %9.1f\n", "Qt started, before the profile opens", atStart.rssMb, atStart.hwmMb);
    if (!waitUntil([&] { return overviewReady; }, 60000))
        return 3;
    settle(300);
    memoryRow(QStringLiteral("Overview with its figures"));
    const QStringList pageNames {
        QString(), QStringLiteral("Applications"), QStringLiteral("Licenses"), QStringLiteral("Users")};
    for (int index = 1; index <= 3; ++index) {
        window.showPage(index);
        auto *page = qobject_cast<ui::TablePage *>(window.pages()->currentWidget());
        if (!page || !waitUntil([page] { return !page->model()->isLoading() && page->model()->rowCount() > 0; }, 60000))
            return 3;
        settle(300);
        memoryRow(QStringLiteral("%1 page (%2 rows)").arg(pageNames.at(index)).arg(page->model()->rowCount()));
    }

    // The Users page, as a person uses it.
    auto *users = window.findChild<ui::TablePage *>(QStringLiteral("usersPage"));
    auto *model = users->model();
    auto *view = users->view();
    auto *search = users->findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
    auto *department = users->findChild<QLineEdit *>(QStringLiteral("filterLineEdit_department"));
    if (!search || !department)
        return 3;
    const QStringList keys = model->columnKeys();
    const auto column = [&keys](const char *key) {
        return int(keys.indexOf(QString::fromLatin1(key)));
    };
    // A click on a column's header.
    const auto sortBy = [view, &column](const char *key, Qt::SortOrder order) {
        return [view, c = column(key), order] {
            view->sortByColumn(c, order);
        };
    };
    const QList<Operation> operations {
        {QStringLiteral("search \"garcia\" (a family name)"),
            [search] {
                search->setText(QStringLiteral("garcia"));
            }},
        {QStringLiteral("clear the search (all rows again)"),
            [search] {
                search->clear();
            }},
        {QStringLiteral("search \"4242\" (part of a UPN)"),
            [search] {
                search->setText(QStringLiteral("4242"));
            }},
        {QStringLiteral("clear the search"), [search] { search->clear(); }, false},
        {QStringLiteral("column filter Department \"Finance\""),
            [department] {
                department->setText(QStringLiteral("Finance"));
            }},
        {QStringLiteral("clear the column filter"), [department] { department->clear(); }, false},
        {QStringLiteral("sort by Name, ascending"), sortBy("display_name", Qt::AscendingOrder)},
        {QStringLiteral("sort by Name, descending"), sortBy("display_name", Qt::DescendingOrder)},
        {QStringLiteral("sort by Last active, descending"), sortBy("last_active", Qt::DescendingOrder)},
        {QStringLiteral("sort by Licenses, ascending"), sortBy("licenses", Qt::AscendingOrder)},
        {QStringLiteral("sort by Name, ascending (again)"), sortBy("display_name", Qt::AscendingOrder), false},
        {QStringLiteral("search \"garcia\" while sorted by Name"),
            [search] {
                search->setText(QStringLiteral("garcia"));
            }},
        {QStringLiteral("clear the search while sorted by Name"),
            [search] {
                search->clear();
            }},
        {QStringLiteral("back to the unsorted table"), [view] { view->sortByColumn(-1, Qt::AscendingOrder); }, false},
    };
    QElapsedTimer clock;
    clock.start();
    PaintWatch paints(view->viewport(), clock);
    StallProbe probe;
    qint64 answeredNs = -1;
    qint64 modelMs = -1;
    QObject::connect(model, &models::SearchableTableModel::refreshed, [&](qint64 elapsedMs) {
        answeredNs = clock.nsecsElapsed();
        modelMs = elapsedMs;
    });
    QList<OperationFigures> figures(operations.size());
    for (int r = 0; r < runs; ++r) {
        for (qsizetype o = 0; o < operations.size(); ++o) {
            settle(100);
            answeredNs = -1;
            probe.reset();
            const qint64 startNs = clock.nsecsElapsed();
            operations.at(o).act();
            const bool shown = waitUntil(
                [&] { return answeredNs >= 0 && paints.lastPaintNs() > answeredNs && !model->isLoading(); }, 30000);
            if (!shown) {
                std::fprintf(stderr, "bench-ui: \"%s\" did not finish\n", qPrintable(operations.at(o).label));
                return 3;
            }
            figures[o].shown.values.append(double(paints.lastPaintNs() - startNs) / 1e6);
            figures[o].model.values.append(double(modelMs));
            figures[o].stall.values.append(probe.maxGapMs());
        }
    }
    std::printf("\nUsers page, %d rows: from the action until the view painted the answer, %d runs\n",
        int(model->rowCount()), runs);
    std::printf("(a typed search waits 150 ms for the typist to pause; \"model\" is the query alone;\n"
                " \"stall\" is the longest the event loop went without a turn meanwhile)\n");
    std::printf("  %-40s %9s %9s %9s %9s %9s %9s\n", "", "shown med", "shown max", "model med", "model max",
        "stall med", "stall max");
    for (qsizetype o = 0; o < operations.size(); ++o) {
        if (!operations.at(o).report)
            continue;
        const OperationFigures &f = figures.at(o);
        std::printf("  %-40s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f\n", qPrintable(operations.at(o).label),
            f.shown.median(), f.shown.max(), f.model.median(), f.model.max(), f.stall.median(), f.stall.max());
    }
    settle(300);
    std::printf("\n");
    memoryRow(QStringLiteral("after the searches and sorts"));

    // Scrolled end to end a page at a time, each page waited for (P11).
    QElapsedTimer scroll;
    scroll.start();
    for (int row = 0; row < model->rowCount(); row += 256) {
        view->scrollTo(model->index(row, 0), QAbstractItemView::PositionAtTop);
        if (!waitUntil([model, row] { return !model->rowValues(row).isEmpty(); }, 30000))
            return 3;
    }
    settle(300);
    memoryRow(QStringLiteral("after scrolling end to end (%1 s)").arg(double(scroll.elapsed()) / 1000, 0, 'f', 1));
    return 0;
}

}  // namespace

int main(int argc, char *argv[])
{
    // The offscreen platform unless told otherwise, for this process and the ones it starts.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Stocktake"));
    QApplication::setOrganizationName(QStringLiteral("Stocktake"));
    const QStringList args = QApplication::arguments();
    const auto option = [&args](const QString &name, int fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const int users = option(QStringLiteral("--users"), 100000);
    const int runs = std::max(1, option(QStringLiteral("--runs"), 5));
    if (const qsizetype at = args.indexOf(QStringLiteral("--window")); at >= 0 && at + 1 < args.size())
        return runWindow(args.at(at + 1), runs);

    QString why;
    if (!testing::insideRealSecretService(&why)) {
        std::fprintf(stderr, "bench-ui: no real Secret Service (%s); run it under scripts/with-secret-service\n",
            qPrintable(why));
        return 2;
    }
    testing::TempHome home;  // also $STOCKTAKE_HOME, for the processes this one starts
    store::ProfileStore profiles(home.path());
    store::Profile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = QStringLiteral("contoso");
    profile.tenant = QStringLiteral("contoso.com");
    profile.clientId = QStringLiteral("5e3ce6c0-2b1f-4285-8d4b-75ee78787346");
    profile.authority = QStringLiteral("https://login.microsoftonline.com");
    profile.graphRoot = QStringLiteral("https://graph.microsoft.com");
    profile.created = QDateTime::currentDateTimeUtc();
    if (!QDir().mkpath(profiles.profileDir(profile)))
        return 2;
    secrets::QtKeychainStore keychain;
    {
        store::ProfileKeys keys(keychain);
        std::optional<store::ProfileKeys::Opened> created;
        keys.create(profile.id, profiles.databasePath(profile), {},
            [&created](store::ProfileKeys::Opened db) { created = std::move(db); });
        if (!waitUntil([&] { return created.has_value(); }, 30000) || !created->ok()) {
            std::fprintf(stderr, "bench-ui: could not create the profile's key and database\n");
            return 2;
        }
        TenantShape shape;
        QElapsedTimer fill;
        fill.start();
        if (!fillTenant(***created, users, shape)) {
            std::fprintf(stderr, "bench-ui: filling the tenant failed\n");
            return 2;
        }
        const double fillSeconds = double(fill.elapsed()) / 1000;
        if (!(**created)->checkpoint().ok())
            return 2;
        std::printf("Tenant: %lld users, %lld licence assignments, %lld SKUs, %lld service principals, %lld grants, "
                    "%lld daily usage rows\n",
            static_cast<long long>(shape.users), static_cast<long long>(shape.licenses),
            static_cast<long long>(shape.skus), static_cast<long long>(shape.principals),
            static_cast<long long>(shape.grants), static_cast<long long>(shape.usageRows));
        std::printf("  filled in %.1f s (prepared statements, one transaction); database %.1f MB\n", fillSeconds,
            double(QFileInfo(profiles.databasePath(profile)).size()) / 1e6);
    }
    if (!profiles.add(profile).ok()) {
        std::fprintf(stderr, "bench-ui: could not record the profile\n");
        return 2;
    }

    std::printf(
        "\nCold start of %s (offscreen; the database file is in the page cache), %d runs\n", STOCKTAKE_APP, runs);
    std::fflush(stdout);
    ColdStart cold;
    if (!measureColdStart(runs, cold))
        return 3;
    printHeader("Cold start, 100,000-person cache (target: first paint with data under 1 s)");
    printRow(QStringLiteral("spawn → first paint (wall)"), cold.wallFirstPaint, "ms");
    printRow(QStringLiteral("spawn → first paint with the Overview's figures"), cold.wallWithData, "ms");
    printRow(QStringLiteral("spawn → first paint with the figures computed now"), cold.wallWithFreshData, "ms");
    printRow(QStringLiteral("main() → first paint (the app's own clock)"), cold.appFirstPaint, "ms");
    printRow(QStringLiteral("main() → first paint with data (the app's clock)"), cold.appWithData, "ms");
    printRow(QStringLiteral("main() → first paint with fresh data (the app's clock)"), cold.appWithFreshData, "ms");
    printRow(QStringLiteral("the app's VmRSS at first paint with fresh data"), cold.rss, "MB");
    printRow(QStringLiteral("the app's VmHWM at first paint with fresh data"), cold.hwm, "MB");
    std::fflush(stdout);

    QProcess window;
    window.setProcessChannelMode(QProcess::ForwardedChannels);
    window.start(QApplication::applicationFilePath(),
        {QStringLiteral("--window"), profile.id, QStringLiteral("--runs"), QString::number(runs)});
    if (!window.waitForFinished(30 * 60 * 1000) || window.exitCode() != 0) {
        std::fprintf(stderr, "bench-ui: the window measurements failed (exit %d)\n", window.exitCode());
        return 3;
    }
    return 0;
}
