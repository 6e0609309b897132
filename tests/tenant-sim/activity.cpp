// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "activity.h"

#include "simhash.h"

#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <bit>

namespace stocktake::tenantsim {

using namespace simdata;

namespace {

constexpr int kDaySeconds = 86400;
constexpr int kCachedDays = 3;
constexpr int kSuccessSearchDays = 120;
constexpr quint64 kNonInteractive = 0x4E49;  // "NI"

struct Device {
    const char *operatingSystem;
    const char *browser;
    const char *clientApp;
};

constexpr std::array<Device, 8> kDevices {{{"Windows10", "Edge 131.0.0", "Browser"},
    {"Windows10", "Rich Client 5.2.0", "Mobile Apps and Desktop clients"}, {"MacOs", "Safari 17.1", "Browser"},
    {"MacOs", "Chrome 131.0.0", "Browser"}, {"Ios", "Mobile Safari", "Mobile Apps and Desktop clients"},
    {"Android", "Chrome Mobile 131.0.0", "Mobile Apps and Desktop clients"}, {"Linux", "Firefox 133.0", "Browser"},
    {"Windows10", "IE 11.0", "Exchange ActiveSync"}}};

}  // namespace

QDateTime LastSignIns::toDateTime(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, QTimeZone::utc());
}

std::optional<qint64> LastSignIns::lastActive() const
{
    std::optional<qint64> latest;
    for (const auto &d : {interactive, nonInteractive, successful}) {
        if (d && (!latest || *d > *latest)) {
            latest = d;
        }
    }
    return latest;
}

SignInModel::SignInModel(const Tenant &tenant)
    : m_tenant(tenant)
{
    m_todaySeconds = QDateTime(tenant.now().date(), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    m_nowSeconds = static_cast<int>(tenant.now().toSecsSinceEpoch() - m_todaySeconds);
    m_masks.reserve(tenant.users().size());
    for (const User &u : tenant.users()) {
        m_masks.append(tenant.appMask(u));
    }
}

QDate SignInModel::day(int offset) const
{
    return m_tenant.now().date().addDays(-offset);
}

QDateTime SignInModel::dayStart(int offset) const
{
    return QDateTime(day(offset), QTime(0, 0), QTimeZone::utc());
}

QDateTime SignInModel::time(int offset, const SignInEvent &event) const
{
    return dayStart(offset).addSecs(event.second);
}

int SignInModel::span(int offset) const
{
    // Today only has the seconds up to now.
    return offset == 0 ? m_nowSeconds : kDaySeconds;
}

quint64 SignInModel::appMask(const User &user) const
{
    return user.index < static_cast<quint32>(m_masks.size()) ? m_masks.at(user.index) : m_tenant.appMask(user);
}

void SignInModel::userEvents(const User &user, int offset, QVector<SignInEvent> &out) const
{
    if (user.kind != ActivityKind::Regular || offset < user.lastOffset || offset >= user.createdDaysAgo) {
        return;
    }
    const int seconds = span(offset);
    if (seconds <= 0) {
        return;
    }
    const quint64 seed = m_tenant.seed();
    const auto o = static_cast<quint64>(offset);
    const quint64 h = SimHash::of(seed, {kSignIn, user.index, o});
    // The day of the last sign-in always has one; older days by the person's rate.
    if (offset > user.lastOffset && SimHash::below(h, 256) >= user.rate) {
        return;
    }
    const quint64 mask = appMask(user);
    const int apps = std::popcount(mask);
    const int count = 1 + static_cast<int>(SimHash::below(h >> 8, 3));
    const auto defs = simdata::apps();
    for (int k = 0; k < count; ++k) {
        const quint64 e = SimHash::of(seed, {kSignIn, user.index, o, static_cast<quint64>(k) + 1});
        SignInEvent event;
        event.user = user.index;
        event.second = SimHash::below(e, static_cast<quint32>(seconds));
        event.number = static_cast<quint8>(k);
        // The chosen app is the n-th set bit of the person's mask.
        int nth = static_cast<int>(SimHash::below(e >> 32, static_cast<quint32>(std::max(1, apps))));
        quint64 bits = mask;
        while (nth-- > 0) {
            bits &= bits - 1;
        }
        event.app = static_cast<quint8>(std::countr_zero(bits));
        if (defs[event.app].signInsFail) {
            event.failure = static_cast<quint8>(failures().size());
        } else if (SimHash::chance(e >> 40, 60)) {
            event.failure
                = static_cast<quint8>(1 + SimHash::below(e >> 50, static_cast<quint32>(failures().size() - 1)));
        }
        out.append(event);
    }
}

LastSignIns SignInModel::lastSignIns(const User &user) const
{
    LastSignIns last;
    const quint64 seed = m_tenant.seed();
    if (user.nonInteractiveOffset != kNoOffset && span(user.nonInteractiveOffset) > 0) {
        const quint64 h = SimHash::of(seed, {kSignIn, user.index, user.nonInteractiveOffset, kNonInteractive});
        last.nonInteractive = dayStartSeconds(user.nonInteractiveOffset)
            + SimHash::below(h, static_cast<quint32>(span(user.nonInteractiveOffset)));
    }
    if (user.kind == ActivityKind::Regular) {
        QVector<SignInEvent> events;
        userEvents(user, user.lastOffset, events);
        for (const SignInEvent &e : std::as_const(events)) {
            const qint64 t = seconds(user.lastOffset, e);
            if (!last.interactive || t > *last.interactive) {
                last.interactive = t;
            }
        }
        // The latest success may lie further back when that day's attempts all failed.
        const int until = std::min<int>(user.lastOffset + kSuccessSearchDays, user.createdDaysAgo);
        for (int o = user.lastOffset; o < until && !last.successful; ++o) {
            events.clear();
            userEvents(user, o, events);
            for (const SignInEvent &e : std::as_const(events)) {
                if (e.failure == 0 && (!last.successful || seconds(o, e) > *last.successful)) {
                    last.successful = seconds(o, e);
                }
            }
        }
    }
    if (last.nonInteractive && (!last.successful || *last.nonInteractive > *last.successful)) {
        last.successful = last.nonInteractive;
    }
    return last;
}

QJsonValue SignInModel::signInActivityJson(const User &user) const
{
    const LastSignIns last = lastSignIns(user);
    const quint64 seed = m_tenant.seed();
    if (!last.interactive && !last.nonInteractive && SimHash::chance(SimHash::of(seed, {kSignIn, user.index}), 500)) {
        return QJsonValue::Null;
    }
    const auto date = [](const std::optional<qint64> &d) {
        return d ? QJsonValue(SimHash::isoUtc(*d)) : QJsonValue(QJsonValue::Null);
    };
    const auto request = [&](const std::optional<qint64> &d, quint64 which) {
        return d ? QJsonValue(SimHash::guid(seed, kRequestId, (quint64 {user.index} << 2) | which))
                 : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject {{QStringLiteral("lastSignInDateTime"), date(last.interactive)},
        {QStringLiteral("lastSignInRequestId"), request(last.interactive, 0)},
        {QStringLiteral("lastNonInteractiveSignInDateTime"), date(last.nonInteractive)},
        {QStringLiteral("lastNonInteractiveSignInRequestId"), request(last.nonInteractive, 1)},
        {QStringLiteral("lastSuccessfulSignInDateTime"), date(last.successful)},
        {QStringLiteral("lastSuccessfulSignInRequestId"), request(last.successful, 2)}};
}

const QVector<SignInEvent> &SignInModel::events(int offset)
{
    const auto cached = m_days.find(offset);
    if (cached != m_days.end()) {
        m_recent.removeOne(offset);
        m_recent.append(offset);
        return *cached;
    }
    QVector<SignInEvent> events;
    for (const User &u : m_tenant.users()) {
        userEvents(u, offset, events);
    }
    std::sort(events.begin(), events.end(), [](const SignInEvent &a, const SignInEvent &b) {
        if (a.second != b.second) {
            return a.second > b.second;
        }
        return a.user != b.user ? a.user > b.user : a.number > b.number;
    });
    events.squeeze();
    if (m_recent.size() >= kCachedDays) {
        m_days.remove(m_recent.takeFirst());
    }
    m_recent.append(offset);
    return *m_days.insert(offset, std::move(events));
}

QJsonObject SignInModel::eventJson(int offset, const SignInEvent &event, const QStringList &only) const
{
    // In key order (QJsonObject keeps keys sorted, so inserts append), and only what is wanted.
    const auto want = [&only](QLatin1StringView key) {
        return only.isEmpty() || only.contains(key);
    };
    const quint64 seed = m_tenant.seed();
    const User &user = m_tenant.users().at(event.user);
    const App &app = m_tenant.apps().at(event.app);
    const AppDef &def = simdata::apps()[event.app];
    const auto jd = static_cast<quint64>(day(offset).toJulianDay());
    const quint64 key = (jd << 32) ^ (quint64 {event.user} << 4) ^ event.number;
    const quint64 h = SimHash::of(seed, {kSignIn, key, 7});
    const bool failed = event.failure != 0;
    const Failure *failure = failed ? &failures()[event.failure - 1U] : nullptr;
    const bool blocked = failed && failure->errorCode == 53003;
    const bool policy = SimHash::chance(h >> 32, 400);
    QJsonObject o;
    const auto put = [&](const char *name, auto &&value) {
        if (want(QLatin1StringView(name))) {
            o.insert(QLatin1StringView(name), value());
        }
    };
    put("appDisplayName", [&] { return QJsonValue(app.name); });
    put("appId", [&] { return QJsonValue(app.appId); });
    put("appliedConditionalAccessPolicies", [&] {
        QJsonArray policies;
        if (policy) {
            policies.append(QJsonObject {{QStringLiteral("id"), SimHash::guid(seed, kSignIn, 0xCA)},
                {QStringLiteral("displayName"), QStringLiteral("Kræv MFA for alle – Require MFA")},
                {QStringLiteral("enforcedGrantControls"), QJsonArray {QStringLiteral("Mfa")}},
                {QStringLiteral("enforcedSessionControls"), QJsonArray {}},
                {QStringLiteral("result"), blocked ? QStringLiteral("failure") : QStringLiteral("success")}});
        }
        return QJsonValue(policies);
    });
    // Exchange sees some legacy clients; the rest are browsers and the Office apps.
    const Device &device
        = kDevices.at(event.app == AppExchange && SimHash::chance(h, 30) ? 7 : SimHash::below(h >> 8, 7));
    put("clientAppUsed", [&] { return QJsonValue(QString::fromLatin1(device.clientApp)); });
    put("conditionalAccessStatus", [&] {
        return QJsonValue(
            blocked ? QStringLiteral("failure") : (policy ? QStringLiteral("success") : QStringLiteral("notApplied")));
    });
    put("correlationId", [&] { return QJsonValue(SimHash::guid(seed, kSignIn, key ^ 0xC0)); });
    put("createdDateTime", [&] { return QJsonValue(SimHash::isoUtc(seconds(offset, event))); });
    put("deviceDetail", [&] {
        return QJsonValue(QJsonObject {{QStringLiteral("browser"), QString::fromLatin1(device.browser)},
            {QStringLiteral("deviceId"), QString()}, {QStringLiteral("displayName"), QString()},
            {QStringLiteral("isCompliant"), SimHash::chance(h >> 48, 600)},
            {QStringLiteral("isManaged"), SimHash::chance(h >> 52, 600)},
            {QStringLiteral("operatingSystem"), QString::fromLatin1(device.operatingSystem)},
            {QStringLiteral("trustType"), QString()}});
    });
    put("id", [&] { return QJsonValue(SimHash::guid(seed, kSignIn, key)); });
    put("ipAddress", [&] {
        if (SimHash::chance(h >> 40, 150)) {
            return QJsonValue(QStringLiteral("2001:db8::%1").arg(h % 65535, 0, 16));
        }
        return QJsonValue(
            QStringLiteral("%1.%2")
                .arg(SimHash::chance(h >> 44, 500) ? QStringLiteral("198.51.100") : QStringLiteral("203.0.113"))
                .arg(h % 254 + 1));
    });
    put("isInteractive", [] { return QJsonValue(true); });
    put("location", [&] {
        // Mostly from the person's own city; sometimes travelling.
        const Place &place
            = places()[SimHash::chance(h >> 16, 50) ? SimHash::below(h >> 24, static_cast<quint32>(places().size()))
                                                    : user.place];
        return QJsonValue(QJsonObject {{QStringLiteral("city"), QString::fromUtf8(place.city)},
            {QStringLiteral("countryOrRegion"), QString::fromLatin1(place.country)},
            {QStringLiteral("geoCoordinates"),
                QJsonObject {{QStringLiteral("altitude"), QJsonValue::Null},
                    {QStringLiteral("latitude"), place.latitude}, {QStringLiteral("longitude"), place.longitude}}},
            {QStringLiteral("state"), QString::fromUtf8(place.state)}});
    });
    put("resourceDisplayName",
        [&] { return QJsonValue(def.resource != nullptr ? QString::fromUtf8(def.resource) : app.name); });
    put("resourceId", [&] {
        const bool graph
            = def.resource != nullptr && QLatin1StringView(def.resource) == QLatin1StringView("Microsoft Graph");
        return QJsonValue(graph ? QStringLiteral("00000003-0000-0000-c000-000000000000") : app.appId);
    });
    put("riskDetail", [] { return QJsonValue(QStringLiteral("none")); });
    put("riskEventTypes_v2", [] { return QJsonValue(QJsonArray {}); });
    put("riskLevelAggregated", [] { return QJsonValue(QStringLiteral("none")); });
    put("riskLevelDuringSignIn", [] { return QJsonValue(QStringLiteral("none")); });
    put("riskState", [] { return QJsonValue(QStringLiteral("none")); });
    put("status", [&] {
        return QJsonValue(QJsonObject {
            {QStringLiteral("additionalDetails"),
                failed ? QJsonValue(QStringLiteral("The user is not authorized.")) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("errorCode"), failed ? failure->errorCode : 0},
            {QStringLiteral("failureReason"),
                failed ? QJsonValue(QString::fromLatin1(failure->reason)) : QJsonValue(QStringLiteral("Other."))}});
    });
    put("userDisplayName", [&] { return QJsonValue(m_tenant.displayName(user)); });
    put("userId", [&] { return QJsonValue(m_tenant.userId(user)); });
    put("userPrincipalName", [&] { return QJsonValue(m_tenant.userPrincipalName(user)); });
    return o;
}

}  // namespace stocktake::tenantsim
