// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityroutes.h"

#include "activity.h"
#include "odatafilter.h"
#include "tenant.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace stocktake::tenantsim {

using namespace graphjson;

namespace {

constexpr int kSignInsTop = 1000;
constexpr int kDownloadSeconds = 300;

const QStringList &signInProperties()
{
    static const QStringList kKnown {QStringLiteral("id"), QStringLiteral("createdDateTime"),
        QStringLiteral("userDisplayName"), QStringLiteral("userPrincipalName"), QStringLiteral("userId"),
        QStringLiteral("appId"), QStringLiteral("appDisplayName"), QStringLiteral("ipAddress"),
        QStringLiteral("clientAppUsed"), QStringLiteral("correlationId"), QStringLiteral("conditionalAccessStatus"),
        QStringLiteral("isInteractive"), QStringLiteral("riskDetail"), QStringLiteral("riskLevelAggregated"),
        QStringLiteral("riskLevelDuringSignIn"), QStringLiteral("riskState"), QStringLiteral("riskEventTypes_v2"),
        QStringLiteral("resourceDisplayName"), QStringLiteral("resourceId"), QStringLiteral("status"),
        QStringLiteral("deviceDetail"), QStringLiteral("location"), QStringLiteral("appliedConditionalAccessPolicies")};
    return kKnown;
}

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')
        || text != text.trimmed()) {
        bytes.replace("\"", "\"\"");
        return '"' + bytes + '"';
    }
    return bytes;
}

QByteArray concealed(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Md5).toHex().toUpper();
}

}  // namespace

ActivityRoutes::ActivityRoutes(GraphContext &context)
    : m_context(context)
{ }

HttpResponse ActivityRoutes::handle(const HttpRequest &request)
{
    const QStringList s = request.path.split(u'/', Qt::SkipEmptyParts);
    if (s.value(0) == QLatin1StringView("auditLogs")) {
        if (s.size() == 2 && s.at(1) == QLatin1StringView("signIns")) {
            return signIns(request);
        }
        return notFound(request.path);
    }
    if (s.value(0) == QLatin1StringView("reports") && s.size() == 2) {
        return usageReport(request, s.at(1));
    }
    return none();
}

HttpResponse ActivityRoutes::signIns(const HttpRequest &request)
{
    if (!m_context.premium) {
        return error(403, QStringLiteral("Authentication_RequestFromNonPremiumTenantOrB2CTenant"),
            QStringLiteral("Neither tenant is B2C or tenant doesn't have premium license"));
    }
    const QUrlQuery &q = request.query;
    const std::optional<int> n = top(q, kSignInsTop, kSignInsTop);
    if (!n) {
        return error(400, QStringLiteral("Request_UnsupportedQuery"),
            QStringLiteral("Invalid page size specified. Must be between 1 and 1000 inclusive."));
    }
    const QString orderBy = q.queryItemValue(QStringLiteral("$orderby"), QUrl::FullyDecoded).simplified();
    if (!orderBy.isEmpty() && orderBy.compare(QLatin1StringView("createdDateTime desc"), Qt::CaseInsensitive) != 0) {
        return error(400, QStringLiteral("Request_UnsupportedQuery"),
            QStringLiteral("Sign-ins can only be ordered by createdDateTime desc."));
    }
    const Select sel = select(q, signInProperties());
    if (!sel.unknown.isEmpty()) {
        return error(400, QStringLiteral("BadRequest"),
            QStringLiteral("Could not find a property named '%1' on type 'microsoft.graph.signIn'.").arg(sel.unknown));
    }
    std::optional<ODataFilter> filter;
    if (q.hasQueryItem(QStringLiteral("$filter"))) {
        QString why;
        filter = ODataFilter::parse(q.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded), &why);
        if (!filter) {
            return error(
                400, QStringLiteral("Request_UnsupportedQuery"), QStringLiteral("Invalid filter clause: ") + why);
        }
    }
    const QString created = QStringLiteral("createdDateTime");
    const ODataFilter::Range range = filter ? filter->range(created) : ODataFilter::Range {};
    const bool rangeOnly = !filter || filter->isRangeOnly(created);
    const QStringList render = sel.fields.isEmpty() ? QStringList() : sel.fields + QStringList {QStringLiteral("id")};

    SignInModel &model = m_context.signIns;
    const QDateTime now = m_context.tenant.now();
    // The log holds historyDays calendar days up to now (Entra's retention, --days).
    QDateTime from = model.dayStart(model.historyDays() - 1);
    QDateTime to = now;
    if (range.from && *range.from > from) {
        from = *range.from;
    }
    if (range.to && *range.to < to) {
        to = *range.to;
    }
    int offset = to > from ? static_cast<int>(to.addSecs(-1).date().daysTo(now.date())) : 0;
    const int lastOffset = to > from ? static_cast<int>(from.date().daysTo(now.date())) : -1;
    qsizetype resume = 0;
    if (q.hasQueryItem(QStringLiteral("$skiptoken"))) {
        const auto token = decodeToken(q.queryItemValue(QStringLiteral("$skiptoken")));
        if (!token) {
            return error(400, QStringLiteral("Request_BadRequest"), QStringLiteral("Invalid skip token."));
        }
        offset = token->value(QStringLiteral("d")).toInt();
        resume = token->value(QStringLiteral("i")).toLongLong();
    }

    QJsonArray value;
    QString next;
    for (bool firstDay = true; offset <= lastOffset && next.isEmpty(); ++offset, firstDay = false) {
        const QDateTime start = model.dayStart(offset);
        const auto fromSecond = static_cast<qint64>(std::max<qint64>(0, start.secsTo(from)));
        const qint64 toSecond = start.secsTo(to);
        // Only this day's list is used in this iteration: the cache may drop it on the next.
        const QVector<SignInEvent> &events = model.events(offset);
        const auto begin = std::partition_point(events.begin(), events.end(),
            [toSecond](const SignInEvent &e) { return static_cast<qint64>(e.second) >= toSecond; });
        const auto end = std::partition_point(begin, events.end(),
            [fromSecond](const SignInEvent &e) { return static_cast<qint64>(e.second) >= fromSecond; });
        qsizetype index = begin - events.begin();
        if (firstDay) {
            index = std::max(index, resume);
        }
        for (; index < end - events.begin(); ++index) {
            const SignInEvent &e = events.at(index);
            QJsonObject full;
            if (!rangeOnly) {
                full = model.eventJson(offset, e);
                if (!filter->matches(full)) {
                    continue;
                }
            }
            if (value.size() == *n) {
                QUrlQuery more(q);
                more.removeAllQueryItems(QStringLiteral("$skiptoken"));
                more.addQueryItem(QStringLiteral("$skiptoken"),
                    encodeToken({{QStringLiteral("d"), QString::number(offset)},
                        {QStringLiteral("i"), QString::number(index)}}));
                next = link(m_context.apiBase(), request.path, more);
                break;
            }
            if (rangeOnly) {
                full = model.eventJson(offset, e, render);
            }
            value.append(project(full, sel.fields));
        }
    }
    QJsonObject body {{QStringLiteral("@odata.context"), m_context.metadata(QStringLiteral("auditLogs/signIns"))},
        {QStringLiteral("value"), value}};
    if (!next.isEmpty()) {
        body.insert(QStringLiteral("@odata.nextLink"), next);
    }
    return json(200, body);
}

HttpResponse ActivityRoutes::usageReport(const HttpRequest &request, const QString &function)
{
    static const QRegularExpression kFunction(
        QStringLiteral(R"(^getOffice365ActiveUserDetail\((?:period='(D7|D30|D90|D180)'|date=(\d{4}-\d{2}-\d{2}))\)$)"));
    const auto m = kFunction.match(function);
    if (!m.hasMatch()) {
        if (function.startsWith(QLatin1StringView("getOffice365ActiveUserDetail"))) {
            return error(400, QStringLiteral("BadRequest"), QStringLiteral("Invalid period or date parameter."));
        }
        return notFound(request.path);
    }
    if (request.query.queryItemValue(QStringLiteral("$format"), QUrl::FullyDecoded)
        == QLatin1StringView("application/json")) {
        return error(
            400, QStringLiteral("BadRequest"), QStringLiteral("$format=application/json is not supported on v1.0."));
    }
    const QDateTime wall = QDateTime::currentDateTimeUtc();
    for (auto it = m_downloads.begin(); it != m_downloads.end();) {
        it = it->expires < wall ? m_downloads.erase(it) : std::next(it);
    }
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    m_downloads.insert(
        token, {wall.addSecs(kDownloadSeconds), m.captured(1).isEmpty() ? 1 : m.captured(1).mid(1).toInt()});
    HttpResponse r;
    r.status = 302;
    r.headers.append({QByteArrayLiteral("Location"),
        (m_context.downloadOrigin + QStringLiteral("/data/download/") + token
            + QStringLiteral("?report=O365ActiveUserDetail"))
            .toUtf8()});
    r.headers.append({QByteArrayLiteral("request-id"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    return r;
}

HttpResponse ActivityRoutes::download(const HttpRequest &request)
{
    HttpResponse r;
    const QString token = request.path.section(u'/', -1);
    if (!request.path.startsWith(QLatin1StringView("/data/download/")) || !m_downloads.contains(token)
        || m_downloads.value(token).expires < QDateTime::currentDateTimeUtc()) {
        r.status = 404;
        r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
        r.body = "The download link is invalid or has expired.";
        return r;
    }
    if (request.headers.contains("authorization")) {
        // graph-facts §B.10: the URL is pre-authenticated; a bearer token must not follow it.
        r.violation = QStringLiteral("Authorization header sent to the report download URL");
    }
    r.status = 200;
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream")});
    r.headers.append({QByteArrayLiteral("Content-Disposition"),
        QByteArrayLiteral("attachment; filename=Office365ActiveUserDetail.csv")});
    r.body = usageCsv(m_downloads.value(token).periodDays);
    return r;
}

int ActivityRoutes::usageRows() const
{
    const auto &users = m_context.tenant.users();
    return static_cast<int>(std::count_if(users.begin(), users.end(), [](const User &u) { return u.licenses() != 0; }));
}

QByteArray ActivityRoutes::usageCsv(int periodDays) const
{
    using namespace simdata;
    const Tenant &tenant = m_context.tenant;
    const SignInModel &model = m_context.signIns;
    const QDate refresh = tenant.now().date().addDays(-1);
    const QByteArray refreshText = refresh.toString(Qt::ISODate).toLatin1();
    // Office 365's reports trail the sign-ins by a day or two; activity is read up to `refresh`.
    QByteArray out
        = "\xEF\xBB\xBF"
          "Report Refresh Date,User Principal Name,Display Name,Is Deleted,Deleted Date,Has Exchange "
          "License,Has OneDrive License,Has SharePoint License,Has Skype For Business License,Has Yammer "
          "License,Has Teams License,Exchange Last Activity Date,OneDrive Last Activity Date,SharePoint "
          "Last Activity Date,Skype For Business Last Activity Date,Yammer Last Activity Date,Teams Last "
          "Activity Date,Exchange License Assign Date,OneDrive License Assign Date,SharePoint License Assign "
          "Date,Skype For Business License Assign Date,Yammer License Assign Date,Teams License Assign "
          "Date,Assigned Products\r\n";
    out.reserve(out.size() + static_cast<qsizetype>(usageRows()) * 260);
    constexpr std::array<quint8, 6> kServices {Exchange, OneDrive, SharePoint, Skype, Yammer, Teams};
    QVector<SignInEvent> events;
    for (const User &u : tenant.users()) {
        const quint16 held = u.licenses();
        if (held == 0) {
            continue;
        }
        quint8 services = 0;
        QStringList products;
        for (int s = 0; s < SkuCount; ++s) {
            if (held & (1U << s)) {
                services |= skus()[static_cast<std::size_t>(s)].services;
                products.append(QString::fromUtf8(skus()[static_cast<std::size_t>(s)].productName).toUpper());
            }
        }
        // Latest successful use of Exchange, SharePoint/OneDrive and Teams in the period.
        std::array<QDate, 6> last {};
        const int first = std::max<int>(1, u.lastOffset);
        for (int o = first; o <= periodDays && u.kind == ActivityKind::Regular; ++o) {
            events.clear();
            model.userEvents(u, o, events);
            for (const SignInEvent &e : std::as_const(events)) {
                const QDate d = model.day(o);
                const auto mark = [&last, &d](std::size_t k) {
                    if (!last[k].isValid() || d > last[k]) {
                        last[k] = d;
                    }
                };
                if (e.failure != 0) {
                    continue;
                }
                if (e.app == AppExchange) {
                    mark(0);
                } else if (e.app == AppSharePoint) {
                    mark(1);
                    mark(2);
                } else if (e.app == AppTeams) {
                    mark(5);
                }
            }
            if (last[0].isValid() && last[2].isValid() && last[5].isValid()) {
                break;
            }
        }
        if (u.nonInteractiveOffset != kNoOffset && u.nonInteractiveOffset >= 1
            && u.nonInteractiveOffset <= periodDays) {
            const QDate d = model.day(u.nonInteractiveOffset);
            if (!last[0].isValid() || d > last[0]) {
                last[0] = d;  // mail clients refresh their tokens quietly
            }
        }
        const QString upn = tenant.userPrincipalName(u);
        const QString name = tenant.displayName(u);
        const QDate assigned = tenant.now().date().addDays(-u.createdDaysAgo + 1);
        QByteArray row = refreshText + ',' + (m_context.concealedNames ? concealed(upn) : csvField(upn)) + ','
            + (m_context.concealedNames ? concealed(name) : csvField(name)) + ',' + (u.live() ? "False," : "True,")
            + (u.live() ? QByteArray() : refreshText);
        for (const quint8 service : kServices) {
            row += (services & service) ? ",True" : ",False";
        }
        for (std::size_t k = 0; k < kServices.size(); ++k) {
            row += ','
                + ((services & kServices[k]) && last[k].isValid() ? last[k].toString(Qt::ISODate).toLatin1()
                                                                  : QByteArray());
        }
        for (const quint8 service : kServices) {
            row += ',' + ((services & service) ? assigned.toString(Qt::ISODate).toLatin1() : QByteArray());
        }
        row += ',' + csvField(products.join(u'+')) + "\r\n";
        out += row;
    }
    return out;
}

}  // namespace stocktake::tenantsim
