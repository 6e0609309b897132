// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcontext.h"

#include "queryerror.h"
#include "store/database.h"
#include "store/usagedays.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace stocktake::insights {

namespace {

// lupdate files a call to a tr() helper in a free function under the enclosing namespace, or
// under "core" when the function returns core::…, not under the context the helper translates
// with. So free functions say Text::tr, and those returning core::… (where lupdate misfiles
// Text::tr too) QCoreApplication::translate with the context. scripts/check-i18n-contexts checks.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(stocktake::insights::ReportContext)
};

}  // namespace

core::Error queryError(const char *what, const QSqlQuery &query)
{
    return core::Error {QStringLiteral("insights.query"),
        QCoreApplication::translate("stocktake::insights::ReportContext",
            "The figures could not be read from the local database. Run `stocktake-cli db check`."),
        QStringLiteral("%1: %2").arg(QLatin1StringView(what), query.lastError().text()), core::ExitCode::Store};
}

QString notRestricted(const QString &column)
{
    // NOT EXISTS measured faster than NOT IN here (no NULL handling, one index probe a row).
    return QStringLiteral("NOT EXISTS (SELECT 1 FROM subject_restriction sr WHERE sr.user_id = %1)").arg(column);
}

QString notRestrictedPerson(const QString &column)
{
    return QStringLiteral("%1 NOT IN (SELECT k.key FROM subject_restriction sr "
                          "JOIN usage_keys k ON k.object_id = sr.user_id)")
        .arg(column);
}

void bindUsageWindow(QSqlQuery &query, const ReportContext &context)
{
    query.bindValue(QStringLiteral(":sinceDay"), store::usageDay(context.usageSince().date()));
    query.bindValue(QStringLiteral(":since"), context.usageSince().toSecsSinceEpoch());
    query.bindValue(QStringLiteral(":asOfDay"), store::usageDay(context.asOf.date()));
}

QString usageTimeSql(const QString &seconds)
{
    return QStringLiteral("strftime('%Y-%m-%dT%H:%M:%SZ', ") + seconds + QStringLiteral(", 'unixepoch')");
}

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

namespace {

/// The store's own form, `yyyy-MM-ddTHH:mm:ssZ`, read digit by digit: reports parse one per
/// row, and QDateTime::fromString costs several microseconds each.
std::optional<QDateTime> parseStoreForm(const QString &text)
{
    if (text.size() != 20 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || text[19] != u'Z')
        return std::nullopt;
    const auto number = [&](int at, int digits) {
        int n = 0;
        for (int i = at; i < at + digits; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return -1;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::utc());
}

}  // namespace

QDateTime parseUtc(const QString &text)
{
    if (text.isEmpty())
        return {};
    if (const auto fast = parseStoreForm(text))
        return *fast;
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

std::optional<QDateTime> parseAsOf(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() == 10) {
        const QDate day = QDate::fromString(trimmed, Qt::ISODate);
        if (!day.isValid())
            return std::nullopt;
        return QDateTime(day, QTime(23, 59, 59), QTimeZone::utc());
    }
    QDateTime t = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

core::Result<ReportContext> resolveContext(const store::Database &db, const ReportOptions &options)
{
    ReportContext context;
    context.inactiveDays = options.inactiveDays;
    QSqlQuery query(db.sql());
    query.setForwardOnly(true);
    if (options.asOf) {
        context.asOf = options.asOf->toUTC();
    } else {
        if (!query.exec(QStringLiteral("SELECT last_success FROM sync_state WHERE entity = 'users'")))
            return queryError("as-of", query);
        const QDateTime last = query.next() ? parseUtc(query.value(0).toString()) : QDateTime();
        if (!last.isValid()) {
            return core::Error {QStringLiteral("insights.no_sync"),
                Text::tr("Users have not been synced yet, so there is nothing to report. Run `stocktake-cli sync`, "
                         "or give --as-of."),
                QStringLiteral("sync_state has no last_success for users"), core::ExitCode::Failed};
        }
        context.asOf = last;
    }
    // The tenant gives signInActivity when the activity pass succeeded and at least one synced
    // person carries it. An activity pass that came back unavailable (no Entra ID P1/P2, or no
    // AuditLog.Read.All consent) makes it unknown even if older rows carry dates.
    if (!query.exec(QStringLiteral("SELECT (SELECT available FROM sync_state WHERE entity = 'activity'), "
                                   "EXISTS (SELECT 1 FROM users WHERE sign_in_activity_available = 1)"))
        || !query.next())
        return queryError("activity", query);
    const QVariant passAvailable = query.value(0);
    const bool anyPerson = query.value(1).toInt() == 1;
    if (!passAvailable.isNull() && passAvailable.toInt() == 0) {
        context.activityReason = Text::tr("The tenant does not give sign-in activity (it needs Entra ID P1 or P2 and "
                                          "the AuditLog.Read.All permission), so activity is unknown.");
    } else if (!anyPerson) {
        context.activityReason = Text::tr("No synced person carries sign-in activity yet, so activity is unknown. "
                                          "Sync users with an Entra ID P1 or P2 tenant.");
    } else {
        context.activityKnown = true;
    }
    return context;
}

}  // namespace stocktake::insights
