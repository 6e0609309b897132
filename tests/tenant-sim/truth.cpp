// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "truth.h"

#include "activity.h"
#include "mailbox.h"
#include "referencedata.h"
#include "simhash.h"
#include "tenant.h"

#include <QBitArray>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace stocktake::tenantsim {

using namespace simdata;

namespace {

QString iso(const QDateTime &utc)
{
    return SimHash::isoUtc(utc.toSecsSinceEpoch());
}

QJsonValue isoOrNull(const std::optional<qint64> &seconds)
{
    return seconds ? QJsonValue(SimHash::isoUtc(*seconds)) : QJsonValue(QJsonValue::Null);
}

/// What the sign-in log says per application and person (interactive sign-ins only, v1.0).
struct LogFigures {
    QVector<bool> seen;         ///< app appears in the log (success or failure)
    QVector<qint64> signIns;    ///< successful, in the usage window
    QVector<qint64> failures;   ///< failed, in the usage window
    QVector<QBitArray> people;  ///< who signed in successfully, in the usage window
    QVector<qint64> lastUsed;   ///< latest success anywhere in the log (0: none)
    QVector<quint64> appsOf;    ///< per person: apps used successfully in the window
    QJsonObject byDay;
    qint64 total = 0;
    qint64 failed = 0;
};

LogFigures readLog(const Tenant &tenant, SignInModel &model, qint64 since)
{
    LogFigures f;
    const qsizetype apps = tenant.apps().size();
    const qsizetype people = tenant.users().size();
    f.seen.fill(false, apps);
    f.signIns.fill(0, apps);
    f.failures.fill(0, apps);
    f.lastUsed.fill(0, apps);
    f.people.fill(QBitArray(), apps);
    f.appsOf.fill(0, people);
    const qint64 now = tenant.now().toSecsSinceEpoch();
    for (int offset = 0; offset < model.historyDays(); ++offset) {
        const QVector<SignInEvent> &events = model.events(offset);
        f.byDay.insert(model.day(offset).toString(Qt::ISODate), static_cast<qint64>(events.size()));
        f.total += events.size();
        for (const SignInEvent &e : events) {
            f.seen[e.app] = true;
            const qint64 t = model.seconds(offset, e);
            const bool inWindow = t >= since && t <= now;
            if (e.failure != 0) {
                ++f.failed;
                f.failures[e.app] += inWindow ? 1 : 0;
                continue;
            }
            if (t > f.lastUsed.at(e.app)) {
                f.lastUsed[e.app] = t;
            }
            if (inWindow) {
                ++f.signIns[e.app];
                if (f.people.at(e.app).isEmpty()) {
                    f.people[e.app] = QBitArray(people);
                }
                f.people[e.app].setBit(e.user);
                f.appsOf[e.user] |= quint64 {1} << e.app;
            }
        }
    }
    return f;
}

QString partNumber(int sku)
{
    return QString::fromLatin1(skus()[static_cast<std::size_t>(sku)].partNumber);
}

QJsonArray licenseRows(const Tenant &tenant, const QVector<std::optional<qint64>> &lastActive, qint64 inactiveSince,
    const ReferenceData &reference, bool premium)
{
    QJsonArray rows;
    for (int s = 0; s < SkuCount; ++s) {
        const quint16 bit = static_cast<quint16>(1U << s);
        qint64 holders = 0;
        qint64 direct = 0;
        qint64 viaGroup = 0;
        qint64 active = 0;
        qint64 inactive = 0;
        qint64 disabled = 0;
        for (const User &u : tenant.users()) {
            if (!u.live() || (u.licenses() & bit) == 0) {
                continue;
            }
            ++holders;
            direct += (u.directLicenses & bit) ? 1 : 0;
            viaGroup += (u.groupLicenses & bit) ? 1 : 0;
            const auto &last = lastActive.at(u.index);
            const bool isActive = last && *last >= inactiveSince;
            active += isActive ? 1 : 0;
            disabled += u.enabled ? 0 : 1;
            // inactive: enabled holders not active in the window (never signed in included).
            inactive += (u.enabled && !isActive) ? 1 : 0;
        }
        const Sku &units = tenant.sku(s);
        const QString part = partNumber(s);
        const qint64 purchased = units.enabled;
        const qint64 assigned = tenant.consumedUnits(s);
        const qint64 unassigned = std::max<qint64>(purchased - assigned, 0);
        const qint64 reclaimable = inactive + disabled;
        const auto price = reference.price(part);
        const QString name = reference.productName(part);
        const auto number = [premium](qint64 v) {
            return premium ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
        };
        rows.append(QJsonObject {
            {QStringLiteral("sku_id"), QString::fromLatin1(skus()[static_cast<std::size_t>(s)].skuId)},
            {QStringLiteral("sku_part_number"), part}, {QStringLiteral("product_name"), name.isEmpty() ? part : name},
            {QStringLiteral("status"), QString::fromLatin1(skus()[static_cast<std::size_t>(s)].capabilityStatus)},
            {QStringLiteral("purchased"), purchased}, {QStringLiteral("assigned"), assigned},
            {QStringLiteral("assigned_users"), holders}, {QStringLiteral("unassigned"), unassigned},
            {QStringLiteral("active"), number(active)}, {QStringLiteral("inactive"), number(inactive)},
            {QStringLiteral("disabled"), disabled}, {QStringLiteral("reclaimable"), number(reclaimable)},
            {QStringLiteral("unit_price"),
                price ? QJsonValue(InvoiceBook::decimal(price->minor)) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("currency"), price ? QJsonValue(price->currency) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("period"), price ? QJsonValue(price->period) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("monthly_waste"),
                price && premium ? QJsonValue(InvoiceBook::decimal((unassigned + reclaimable) * price->monthlyMinor()))
                                 : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("prepaid"),
                QJsonObject {{QStringLiteral("enabled"), units.enabled}, {QStringLiteral("suspended"), units.suspended},
                    {QStringLiteral("warning"), units.warning}, {QStringLiteral("lockedOut"), units.lockedOut}}},
            {QStringLiteral("direct_users"), direct}, {QStringLiteral("group_users"), viaGroup}});
    }
    return rows;
}

QJsonArray appRows(const Tenant &tenant, const LogFigures &log, const ReferenceData &reference, bool premium)
{
    QMap<QString, QJsonObject> rows;  // sorted by app_key
    for (int a = 0; a < tenant.apps().size(); ++a) {
        const App &app = tenant.apps().at(a);
        QSet<qint32> consenters;
        bool everyone = false;
        QSet<QString> scopes;
        for (const Grant &g : tenant.grants()) {
            const GrantDef &def = simdata::grants()[g.def];
            if (def.app != a || (g.user >= 0 && !tenant.users().at(g.user).live())) {
                continue;
            }
            everyone = everyone || g.user < 0;
            if (g.user >= 0) {
                consenters.insert(g.user);
            }
            for (const QString &scope : QString::fromLatin1(def.scope).split(u' ', Qt::SkipEmptyParts)) {
                scopes.insert(scope);
            }
        }
        const bool granted = everyone || !consenters.isEmpty();
        const bool sso = premium && log.seen.at(a);
        if (!app.hasServicePrincipal() && !sso && !granted) {
            continue;
        }
        QStringList sources;
        if (app.hasServicePrincipal()) {
            sources << QStringLiteral("enterprise_app");
        }
        if (sso) {
            sources << QStringLiteral("sso");
        }
        if (granted) {
            sources << QStringLiteral("oauth_grant");
        }
        QStringList sortedScopes(scopes.begin(), scopes.end());
        std::sort(sortedScopes.begin(), sortedScopes.end());
        QStringList risky;
        for (const QString &scope : std::as_const(sortedScopes)) {
            if (reference.isHighPrivilege(scope)) {
                risky << scope;
            }
        }
        const auto figure = [premium](qint64 v) {
            return premium ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
        };
        const QString key = app.appId.toLower();
        rows.insert(key,
            QJsonObject {{QStringLiteral("app_key"), key}, {QStringLiteral("name"), app.name},
                {QStringLiteral("sources"), sources.join(u';')},
                {QStringLiteral("first_party"),
                    app.ownerTenant == QLatin1StringView(kMicrosoftTenant) && app.hasServicePrincipal()},
                {QStringLiteral("users_30d"), figure(log.people.at(a).count(true))},
                {QStringLiteral("sign_ins_30d"), figure(log.signIns.at(a))},
                {QStringLiteral("failed_sign_ins_30d"), figure(log.failures.at(a))},
                {QStringLiteral("last_used"),
                    premium && log.lastUsed.at(a) > 0 ? isoOrNull(log.lastUsed.at(a)) : QJsonValue(QJsonValue::Null)},
                // METRICS.md: the people who consented, or "all" when an admin consented for everyone.
                {QStringLiteral("grant_users"),
                    everyone ? QJsonValue(QStringLiteral("all")) : QJsonValue(static_cast<qint64>(consenters.size()))},
                {QStringLiteral("grant_principal_users"), static_cast<qint64>(consenters.size())},
                {QStringLiteral("grant_all"), everyone}, {QStringLiteral("scopes"), sortedScopes.join(u';')},
                {QStringLiteral("risky_scopes"), risky.join(u';')},
                {QStringLiteral("service_principal_id"),
                    app.hasServicePrincipal() ? QJsonValue(app.servicePrincipalId) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("account_enabled"), app.enabled}});
    }
    QJsonArray out;
    for (const QJsonObject &row : std::as_const(rows)) {
        out.append(row);
    }
    return out;
}

QString cycleOf(QVector<QDate> dates)
{
    if (dates.size() < 2) {
        return QStringLiteral("unknown");
    }
    std::sort(dates.begin(), dates.end());
    QVector<qint64> gaps;
    for (qsizetype i = 1; i < dates.size(); ++i) {
        gaps.append(dates.at(i - 1).daysTo(dates.at(i)));
    }
    std::sort(gaps.begin(), gaps.end());
    const qsizetype mid = gaps.size() / 2;
    const qint64 median = gaps.size() % 2 == 1 ? gaps.at(mid) : (gaps.at(mid - 1) + gaps.at(mid)) / 2;
    if (median >= 20 && median <= 45) {
        return QStringLiteral("monthly");
    }
    if (median >= 60 && median <= 135) {
        return QStringLiteral("quarterly");
    }
    if (median >= 300 && median <= 400) {
        return QStringLiteral("yearly");
    }
    return QStringLiteral("unknown");
}

QJsonObject billing(const Mailbox &mailbox)
{
    const InvoiceBook &book = mailbox.invoiceBook();
    const auto &vendors = InvoiceBook::vendors();
    QJsonArray invoices;
    for (qsizetype i = 0; i < book.invoices().size(); ++i) {
        QJsonObject row = book.truthJson(book.invoices().at(i));
        QJsonArray messages;
        for (const MailMessage &m : mailbox.messages()) {
            if (m.invoice == i) {
                messages.append(QJsonObject {{QStringLiteral("message_id"), m.id},
                    {QStringLiteral("attachment_id"), m.attachments.value(0).id},
                    {QStringLiteral("duplicate"), m.duplicate}});
            }
        }
        row.insert(QStringLiteral("messages"), messages);
        invoices.append(row);
    }
    // Spend per METRICS.md: catalog vendors, one row per vendor, month and currency.
    struct Cell {
        qint64 amount = 0;
        int count = 0;
    };
    QMap<QString, Cell> cells;  // "vendor|month|currency"
    QHash<int, QVector<QDate>> dates;
    QHash<int, Invoice> latest;  // a vendor's newest invoice (credit notes aside)
    for (const Invoice &inv : book.invoices()) {
        const BillingVendor &v = vendors.at(inv.vendor);
        if (v.catalogId == nullptr) {
            continue;
        }
        Cell &cell = cells[QStringLiteral("%1|%2|%3")
                               .arg(QString::fromLatin1(v.catalogId), inv.date.toString(QStringLiteral("yyyy-MM")),
                                   QString::fromLatin1(v.currency))];
        cell.amount += inv.total;
        ++cell.count;
        if (!inv.creditNote) {
            dates[inv.vendor].append(inv.date);
            if (!latest.contains(inv.vendor) || inv.date >= latest.value(inv.vendor).date) {
                latest.insert(inv.vendor, inv);
            }
        }
    }
    QJsonArray spend;
    for (auto it = cells.cbegin(); it != cells.cend(); ++it) {
        const QStringList key = it.key().split(u'|');
        int vendor = 0;
        for (int v = 0; v < vendors.size(); ++v) {
            if (vendors.at(v).catalogId != nullptr && key.at(0) == QLatin1StringView(vendors.at(v).catalogId)) {
                vendor = v;
            }
        }
        const QString cycle = cycleOf(dates.value(vendor));
        const int factor = cycle == QLatin1StringView("monthly") ? 12
            : cycle == QLatin1StringView("quarterly")            ? 4
            : cycle == QLatin1StringView("yearly")               ? 1
                                                                 : 0;
        spend.append(QJsonObject {{QStringLiteral("vendor"), key.at(0)}, {QStringLiteral("month"), key.at(1)},
            {QStringLiteral("currency"), key.at(2)}, {QStringLiteral("amount"), InvoiceBook::decimal(it->amount)},
            {QStringLiteral("invoices"), it->count}, {QStringLiteral("cycle"), cycle},
            {QStringLiteral("annual_run_rate"),
                factor > 0 && latest.contains(vendor)
                    ? QJsonValue(InvoiceBook::decimal(latest.value(vendor).total * factor))
                    : QJsonValue(QJsonValue::Null)}});
    }
    return QJsonObject {{QStringLiteral("invoices"), invoices}, {QStringLiteral("spend"), spend}};
}

}  // namespace

QJsonObject Truth::compute(const Tenant &tenant, SignInModel &signIns, const Mailbox &mailbox,
    const ReferenceData &reference, const TruthOptions &options)
{
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = tenant.now();
    const qint64 inactiveSince = now.addDays(-options.inactiveDays).toSecsSinceEpoch();
    const LogFigures log = readLog(tenant, signIns, now.addDays(-options.usageDays).toSecsSinceEpoch());
    const bool premium = options.premium;

    // People: last activity as METRICS.md defines it, from the same dates Graph serves.
    QVector<std::optional<qint64>> lastActive(tenant.users().size());
    QJsonObject summary;
    qint64 live = 0, members = 0, guests = 0, enabled = 0, disabled = 0, licensed = 0, never = 0,
           nonInteractiveOnly = 0, active = 0, deleted = 0, softDeleted = 0, added = 0;
    for (const User &u : tenant.users()) {
        deleted += u.deleted ? 1 : 0;
        softDeleted += u.softDeleted ? 1 : 0;
        if (!u.live()) {
            continue;
        }
        added += u.added ? 1 : 0;
        ++live;
        (u.guest ? guests : members) += 1;
        (u.enabled ? enabled : disabled) += 1;
        licensed += u.licenses() != 0 ? 1 : 0;
        const LastSignIns last = signIns.lastSignIns(u);
        lastActive[u.index] = last.lastActive();
        never += lastActive[u.index] ? 0 : 1;
        nonInteractiveOnly += (last.nonInteractive && !last.interactive) ? 1 : 0;
        active += lastActive[u.index] && *lastActive[u.index] >= inactiveSince ? 1 : 0;
    }
    const auto known = [premium](qint64 v) {
        return premium ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
    };
    summary = QJsonObject {{QStringLiteral("users"), live}, {QStringLiteral("members"), members},
        {QStringLiteral("guests"), guests}, {QStringLiteral("enabled"), enabled},
        {QStringLiteral("disabled"), disabled}, {QStringLiteral("licensed"), licensed},
        {QStringLiteral("unlicensed"), live - licensed}, {QStringLiteral("never_signed_in"), known(never)},
        {QStringLiteral("non_interactive_only"), known(nonInteractiveOnly)}, {QStringLiteral("active"), known(active)},
        {QStringLiteral("inactive"), known(live - active)}, {QStringLiteral("deleted"), deleted},
        {QStringLiteral("soft_deleted"), softDeleted}, {QStringLiteral("added"), added}};

    QJsonObject usersSection {{QStringLiteral("summary"), summary}};
    if (live <= options.userRows) {
        QJsonArray rows;
        for (const User &u : tenant.users()) {
            if (!u.live()) {
                continue;
            }
            QStringList parts;
            for (int s = 0; s < SkuCount; ++s) {
                if (u.licenses() & (1U << s)) {
                    parts << partNumber(s);
                }
            }
            std::sort(parts.begin(), parts.end());
            const QJsonObject full = tenant.userJson(u);
            rows.append(QJsonObject {{QStringLiteral("user_id"), tenant.userId(u)},
                {QStringLiteral("upn"), tenant.userPrincipalName(u)},
                {QStringLiteral("display_name"), tenant.displayName(u)},
                {QStringLiteral("department"), full.value(QLatin1StringView("department"))},
                {QStringLiteral("job_title"), full.value(QLatin1StringView("jobTitle"))},
                {QStringLiteral("account_enabled"), u.enabled},
                {QStringLiteral("user_type"), u.guest ? QStringLiteral("Guest") : QStringLiteral("Member")},
                {QStringLiteral("licenses"), parts.join(u';')},
                {QStringLiteral("last_active"),
                    premium ? isoOrNull(lastActive.at(u.index)) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("apps_30d"), known(std::popcount(log.appsOf.at(u.index)))}});
        }
        usersSection.insert(QStringLiteral("rows"), rows);
        usersSection.insert(QStringLiteral("rows_omitted"), false);
    } else {
        usersSection.insert(QStringLiteral("rows_omitted"), true);
    }

    // Counts of everything served.
    qint64 edges = 0;
    QJsonObject byType {{QStringLiteral("user"), 0}, {QStringLiteral("group"), 0}, {QStringLiteral("device"), 0},
        {QStringLiteral("servicePrincipal"), 0}};
    for (int g = 0; g < tenant.groups().size(); ++g) {
        qint64 people = 0;
        for (const quint32 i : tenant.userMembers(g)) {
            people += tenant.users().at(i).live() ? 1 : 0;
        }
        byType[QStringLiteral("user")] = byType.value(QLatin1StringView("user")).toInteger() + people;
        edges += people;
        for (const OtherMember &m : tenant.otherMembers(g)) {
            const QString type = m.type == OtherMember::Type::Group ? QStringLiteral("group")
                : m.type == OtherMember::Type::Device               ? QStringLiteral("device")
                                                                    : QStringLiteral("servicePrincipal");
            byType[type] = byType.value(type).toInteger() + 1;
            ++edges;
        }
    }
    qint64 servicePrincipals = 0;
    for (const App &a : tenant.apps()) {
        servicePrincipals += a.hasServicePrincipal() ? 1 : 0;
    }
    qint64 grants = 0, allPrincipals = 0;
    for (const Grant &g : tenant.grants()) {
        if (g.user < 0 || tenant.users().at(g.user).live()) {
            ++grants;
            allPrincipals += g.user < 0 ? 1 : 0;
        }
    }
    qint64 withAttachments = 0, attachments = 0;
    for (const MailMessage &m : mailbox.messages()) {
        withAttachments += m.hasAttachments() ? 1 : 0;
        attachments += m.attachments.size();
    }
    const QJsonArray apps = appRows(tenant, log, reference, premium);
    const QJsonObject counts {{QStringLiteral("users"), live}, {QStringLiteral("guests"), guests},
        {QStringLiteral("disabled"), disabled}, {QStringLiteral("deleted_users"), deleted + softDeleted},
        {QStringLiteral("groups"), static_cast<qint64>(tenant.groups().size())},
        {QStringLiteral("group_members"), edges}, {QStringLiteral("group_members_by_type"), byType},
        {QStringLiteral("subscribed_skus"), static_cast<qint64>(SkuCount)},
        {QStringLiteral("service_principals"), servicePrincipals}, {QStringLiteral("oauth2_permission_grants"), grants},
        {QStringLiteral("grants_all_principals"), allPrincipals},
        {QStringLiteral("grants_principal"), grants - allPrincipals},
        {QStringLiteral("apps"), static_cast<qint64>(apps.size())}, {QStringLiteral("sign_ins"), log.total},
        {QStringLiteral("sign_ins_failed"), log.failed}, {QStringLiteral("sign_ins_by_day"), log.byDay},
        {QStringLiteral("messages"), static_cast<qint64>(mailbox.messages().size())},
        {QStringLiteral("messages_with_attachments"), withAttachments}, {QStringLiteral("attachments"), attachments},
        {QStringLiteral("invoices"), static_cast<qint64>(mailbox.invoiceBook().invoices().size())},
        {QStringLiteral("usage_report_rows"), options.usageReportRows}};

    const QJsonObject org = tenant.organizationJson();
    QJsonObject truth {{QStringLiteral("schema"), 1}, {QStringLiteral("seed"), QString::number(tenant.seed())},
        {QStringLiteral("now"), iso(now)}, {QStringLiteral("as_of"), iso(now)},
        {QStringLiteral("inactive_days"), options.inactiveDays}, {QStringLiteral("usage_days"), options.usageDays},
        {QStringLiteral("sign_in_days"), signIns.historyDays()}, {QStringLiteral("premium"), premium},
        {QStringLiteral("change_seq"), static_cast<qint64>(tenant.changeSeq())},
        {QStringLiteral("generation_ms"), options.generationMs}, {QStringLiteral("counts"), counts},
        {QStringLiteral("organization"),
            QJsonObject {{QStringLiteral("id"), org.value(QLatin1StringView("id"))},
                {QStringLiteral("display_name"), org.value(QLatin1StringView("displayName"))}}},
        {QStringLiteral("licenses"), licenseRows(tenant, lastActive, inactiveSince, reference, premium)},
        {QStringLiteral("apps"), apps}, {QStringLiteral("users"), usersSection}};
    const QJsonObject money = billing(mailbox);
    truth.insert(QStringLiteral("invoices"), money.value(QLatin1StringView("invoices")));
    truth.insert(QStringLiteral("spend"), money.value(QLatin1StringView("spend")));
    truth.insert(QStringLiteral("truth_ms"), timer.elapsed());
    return truth;
}

}  // namespace stocktake::tenantsim
