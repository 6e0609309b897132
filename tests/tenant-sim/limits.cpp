// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "limits.h"

#include <QUrl>

#include <algorithm>

namespace stocktake::tenantsim {

using namespace std::chrono_literals;

namespace {

constexpr qint64 kDirectoryResourceUnits = 8000;
constexpr qint64 kReportRequests = 5;
constexpr qint64 kSignInActivityRequests = 10;
constexpr qint64 kUsageReportRequests = 14;
constexpr qint64 kMailRequests = 10000;

/// Base ResourceUnits of a directory GET (graph-facts §C.4); anything not listed costs 1.
int baseCost(const QStringList &segments)
{
    const QString first = segments.value(0);
    const QString last = segments.value(segments.size() - 1);
    if (first == QLatin1StringView("users") || first == QLatin1StringView("applications")) {
        return 2;
    }
    if (first == QLatin1StringView("groups") && last == QLatin1StringView("members")) {
        return 3;
    }
    if (first == QLatin1StringView("groups") && last == QLatin1StringView("transitiveMembers")) {
        return 5;
    }
    if (first == QLatin1StringView("subscribedSkus")) {
        return 3;
    }
    if (first == QLatin1StringView("oauth2PermissionGrants")) {
        return 2;
    }
    if (first == QLatin1StringView("me") && last == QLatin1StringView("memberOf")) {
        return 2;
    }
    if (first == QLatin1StringView("servicePrincipals") && last == QLatin1StringView("appRoleAssignments")) {
        return 2;
    }
    return 1;
}

QString keyOf(Budget budget, const QString &scope)
{
    return QString::number(static_cast<int>(budget)) + u':' + scope;
}

}  // namespace

Charge GraphLimits::charge(const QString &path, const QUrlQuery &query)
{
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);
    const QString first = segments.value(0);
    Charge c;
    if (first == QLatin1StringView("auditLogs")) {
        c.budget = Budget::Reports;
        return c;
    }
    if (first == QLatin1StringView("reports")) {
        c.budget = Budget::UsageReports;
        c.scope = segments.value(1).section(u'(', 0, 0);
        return c;
    }
    if (segments.contains(QLatin1StringView("messages"))) {
        c.budget = Budget::Mail;
        c.scope = first == QLatin1StringView("me") ? QStringLiteral("me") : segments.value(1).toLower();
        return c;
    }
    c.budget = Budget::Directory;
    int cost = baseCost(segments);
    if (query.hasQueryItem(QStringLiteral("$select"))) {
        --cost;
    }
    if (query.hasQueryItem(QStringLiteral("$expand"))) {
        ++cost;
    }
    bool ok = false;
    const int top = query.queryItemValue(QStringLiteral("$top")).toInt(&ok);
    if (ok && top < 20) {
        --cost;
    }
    c.resourceUnits = std::max(1, cost);
    const QString select = query.queryItemValue(QStringLiteral("$select"), QUrl::FullyDecoded);
    const QString filter = query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    c.signInActivity = first == QLatin1StringView("users")
        && (select.contains(QLatin1StringView("signInActivity"), Qt::CaseInsensitive)
            || filter.contains(QLatin1StringView("signInActivity"), Qt::CaseInsensitive));
    return c;
}

void GraphLimits::Window::prune(Clock::time_point now)
{
    while (!sent.empty() && sent.front().first <= now - length) {
        sum -= sent.front().second;
        sent.pop_front();
    }
}

std::chrono::milliseconds GraphLimits::Window::wait(qint64 cost, Clock::time_point now)
{
    prune(now);
    cost = std::min(cost, limit);
    if (sum + cost <= limit) {
        return 0ms;
    }
    qint64 freed = 0;
    for (const auto &[at, spent] : sent) {
        freed += spent;
        if (sum - freed + cost <= limit) {
            return std::max(1ms, std::chrono::ceil<std::chrono::milliseconds>(at + length - now));
        }
    }
    return length;
}

GraphLimits::Window &GraphLimits::window(Budget budget, const QString &scope)
{
    const QString key = keyOf(budget, scope);
    auto it = m_windows.find(key);
    if (it == m_windows.end()) {
        Window w;
        switch (budget) {
        case Budget::Directory:
            w = {kDirectoryResourceUnits, 10s, {}, 0};
            break;
        case Budget::Reports:
            w = {kReportRequests, 10s, {}, 0};
            break;
        case Budget::SignInActivity:
            w = {kSignInActivityRequests, 60s, {}, 0};
            break;
        case Budget::UsageReports:
            w = {kUsageReportRequests, 600s, {}, 0};
            break;
        case Budget::Mail:
            w = {kMailRequests, 600s, {}, 0};
            break;
        case Budget::None:
            w = {1000000000, 1s, {}, 0};
            break;
        }
        it = m_windows.insert(key, w);
    }
    return *it;
}

std::optional<int> GraphLimits::admit(const Charge &charge, Clock::time_point now)
{
    if (charge.budget == Budget::None) {
        return std::nullopt;
    }
    Window &main = window(charge.budget, charge.scope);
    const qint64 cost = charge.budget == Budget::Directory ? charge.resourceUnits : 1;
    std::chrono::milliseconds wait = main.wait(cost, now);
    Window *activity = charge.signInActivity ? &window(Budget::SignInActivity, QString()) : nullptr;
    if (activity != nullptr) {
        wait = std::max(wait, activity->wait(1, now));
    }
    if (wait > 0ms) {
        // Retry-After is whole seconds; round up so a client that obeys it fits.
        return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(wait).count());
    }
    main.sent.emplace_back(now, cost);
    main.sum += cost;
    if (activity != nullptr) {
        activity->sent.emplace_back(now, 1);
        activity->sum += 1;
    }
    return std::nullopt;
}

double GraphLimits::directoryUsage(Clock::time_point now)
{
    Window &w = window(Budget::Directory, QString());
    w.prune(now);
    return static_cast<double>(w.sum) / static_cast<double>(w.limit);
}

void RetryWatch::throttled(const QString &key, int retryAfterSeconds, Clock::time_point now)
{
    // Forget what has long expired so the table stays small.
    for (auto it = m_notBefore.begin(); it != m_notBefore.end();) {
        it = it.value() < now ? m_notBefore.erase(it) : std::next(it);
    }
    m_notBefore.insert(key, now + std::chrono::seconds(retryAfterSeconds));
}

QString RetryWatch::check(const QString &key, Clock::time_point now)
{
    const auto it = m_notBefore.constFind(key);
    if (it == m_notBefore.constEnd() || now >= *it) {
        return {};
    }
    const auto early = std::chrono::duration_cast<std::chrono::milliseconds>(*it - now).count();
    return QStringLiteral("retry before Retry-After elapsed (%1 ms early): %2").arg(early).arg(key);
}

}  // namespace stocktake::tenantsim
