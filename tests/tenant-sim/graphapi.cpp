// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphapi.h"

#include "tenant.h"
#include "truth.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QUrl>

#include <functional>

namespace stocktake::tenantsim {

using namespace graphjson;

namespace {

constexpr int kBatchLimit = 20;

HttpResponse badBatch(const QString &message)
{
    return error(400, QStringLiteral("BadRequest"), message);
}

}  // namespace

GraphApi::GraphApi(Tenant &tenant, GraphOptions options)
    : m_tenant(tenant)
    , m_options(std::move(options))
    , m_signIns(tenant)
    , m_mailbox(tenant)
    , m_reference(ReferenceData::load(m_options.resourcesDir))
    , m_context {tenant, m_signIns, m_mailbox, QString(), QString(), m_options.premium, m_options.concealedNames}
    , m_directory(m_context)
    , m_activity(m_context)
    , m_mail(m_context)
{ }

void GraphApi::setOrigins(const QString &origin, const QString &downloadOrigin)
{
    m_context.origin = origin;
    if (m_options.linkScheme != QLatin1StringView("http") && origin.startsWith(QLatin1StringView("http://")))
        m_context.origin = m_options.linkScheme + origin.mid(4);
    m_context.downloadOrigin = downloadOrigin;
}

QString GraphApi::key(const QByteArray &method, const QString &path, const QUrlQuery &query, const QByteArray &body)
{
    QString k = QString::fromLatin1(method) + u' ' + path;
    if (!query.isEmpty()) {
        k += u'?' + query.query(QUrl::FullyEncoded);
    }
    if (!body.isEmpty()) {
        k += QStringLiteral(" body:")
            + QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Md5).toHex());
    }
    return k;
}

QString GraphApi::earlyRetry(const HttpRequest &request)
{
    return m_watch.check(key(request.method, request.path, request.query, request.body));
}

void GraphApi::noteThrottled(const HttpRequest &request, int retryAfterSeconds)
{
    m_watch.throttled(key(request.method, request.path, request.query, request.body), retryAfterSeconds);
}

HttpResponse GraphApi::handle(const HttpRequest &request)
{
    HttpRequest inner = request;
    inner.path = request.path.mid(5);  // below /v1.0
    if (inner.path == QLatin1StringView("/$batch")) {
        if (request.method != "POST") {
            return error(405, QStringLiteral("BadRequest"), QStringLiteral("$batch takes POST."));
        }
        return batch(inner);
    }
    return dispatch(inner);
}

HttpResponse GraphApi::dispatch(const HttpRequest &request)
{
    if (request.method != "GET") {
        return error(405, QStringLiteral("BadRequest"),
            QStringLiteral("Specified HTTP method is not allowed for the request target."));
    }
    const Charge charge = GraphLimits::charge(request.path, request.query);
    if (m_options.enforceLimits) {
        if (const std::optional<int> wait = m_limits.admit(charge)) {
            HttpResponse r = error(429, QStringLiteral("TooManyRequests"),
                QStringLiteral("Too many requests. Please retry after %1 seconds.").arg(*wait));
            r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(*wait)});
            if (charge.budget == Budget::Directory) {
                r.headers.append({QByteArrayLiteral("x-ms-throttle-scope"),
                    QStringLiteral("Tenant_Application/ReadWrite/%1/%2")
                        .arg(m_options.clientId, m_tenant.options().tenantId)
                        .toUtf8()});
                r.headers.append({QByteArrayLiteral("x-ms-throttle-information"),
                    charge.signInActivity ? QByteArrayLiteral("SignInActivityLimitExceeded")
                                          : QByteArrayLiteral("ResourceUnitLimitExceeded")});
            }
            m_watch.throttled(key(request.method, QStringLiteral("/v1.0") + request.path, request.query, {}), *wait);
            return r;
        }
    }
    HttpResponse r = m_directory.handle(request);
    if (r.status == 0) {
        r = m_activity.handle(request);
    }
    if (r.status == 0) {
        r = m_mail.handle(request);
    }
    if (r.status == 0) {
        r = notFound(request.path);
    }
    if (charge.budget == Budget::Directory) {
        r.headers.append({QByteArrayLiteral("x-ms-resource-unit"), QByteArray::number(charge.resourceUnits)});
        const double usage = m_options.enforceLimits ? m_limits.directoryUsage() : 0.0;
        if (usage > 0.8) {
            r.headers.append({QByteArrayLiteral("x-ms-throttle-limit-percentage"), QByteArray::number(usage, 'f', 1)});
        }
    }
    return r;
}

HttpResponse GraphApi::batch(const HttpRequest &request)
{
    // graph-facts §C.3: at most 20 requests, unique ids, relative URLs, dependsOn sequencing;
    // every inner request is throttled on its own and answers inside the 200 envelope.
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonValue requests = doc.object().value(QLatin1StringView("requests"));
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() || !requests.isArray()) {
        return badBatch(QStringLiteral("Invalid batch payload format."));
    }
    const QJsonArray items = requests.toArray();
    if (items.size() > kBatchLimit) {
        return badBatch(QStringLiteral("The number of requests in a batch is limited to %1; got %2.")
                            .arg(kBatchLimit)
                            .arg(items.size()));
    }
    QHash<QString, QJsonObject> byId;
    QStringList order;
    for (const QJsonValue &v : items) {
        const QJsonObject item = v.toObject();
        const QString id = item.value(QLatin1StringView("id")).toString();
        if (id.isEmpty() || item.value(QLatin1StringView("method")).toString().isEmpty()
            || item.value(QLatin1StringView("url")).toString().isEmpty()) {
            return badBatch(QStringLiteral("Each batch request needs an id, a method and a url."));
        }
        if (byId.contains(id.toLower())) {
            return badBatch(QStringLiteral("Batch request ids must be unique: '%1' repeats.").arg(id));
        }
        if (item.contains(QLatin1StringView("body"))
            && !item.value(QLatin1StringView("headers")).toObject().contains(QLatin1StringView("Content-Type"))) {
            return badBatch(QStringLiteral("A batch request with a body needs a Content-Type header."));
        }
        byId.insert(id.toLower(), item);
        order.append(id.toLower());
    }
    for (const QJsonObject &item : std::as_const(byId)) {
        for (const QJsonValue &d : item.value(QLatin1StringView("dependsOn")).toArray()) {
            if (!byId.contains(d.toString().toLower())) {
                return badBatch(QStringLiteral("dependsOn names an unknown request '%1'.").arg(d.toString()));
            }
        }
    }

    QHash<QString, int> status;  // id → inner status
    QSet<QString> running;
    QJsonArray responses;
    QStringList violations;
    std::function<bool(const QString &)> run = [&](const QString &id) -> bool {
        if (status.contains(id)) {
            return true;
        }
        if (running.contains(id)) {
            return false;  // a dependency cycle
        }
        running.insert(id);
        const QJsonObject item = byId.value(id);
        bool dependencyFailed = false;
        for (const QJsonValue &d : item.value(QLatin1StringView("dependsOn")).toArray()) {
            const QString dep = d.toString().toLower();
            if (!run(dep)) {
                return false;
            }
            dependencyFailed = dependencyFailed || status.value(dep) >= 400;
        }
        HttpResponse inner;
        QString url = item.value(QLatin1StringView("url")).toString();
        if (dependencyFailed) {
            inner = error(
                424, QStringLiteral("FailedDependency"), QStringLiteral("A request this one depends on failed."));
        } else if (url.contains(QLatin1StringView("://")) || url.startsWith(QLatin1StringView("//"))) {
            inner = error(400, QStringLiteral("BadRequest"), QStringLiteral("Batch request URLs must be relative."));
        } else {
            if (!url.startsWith(u'/')) {
                url.prepend(u'/');
            }
            if (url.startsWith(QLatin1StringView("/v1.0/"))) {
                url = url.mid(5);
            }
            const QUrl parsed(QStringLiteral("http://batch") + url);
            HttpRequest sub;
            sub.method = item.value(QLatin1StringView("method")).toString().toUpper().toLatin1();
            sub.path = parsed.path();
            sub.query = QUrlQuery(parsed.query(QUrl::FullyEncoded));
            const QJsonObject headers = item.value(QLatin1StringView("headers")).toObject();
            for (auto h = headers.begin(); h != headers.end(); ++h) {
                sub.headers.insert(h.key().toLower().toLatin1(), h.value().toString().toUtf8());
            }
            const QString early = m_watch.check(key(sub.method, QStringLiteral("/v1.0") + sub.path, sub.query, {}));
            if (!early.isEmpty()) {
                violations.append(early);
            }
            inner = dispatch(sub);
            if (!inner.violation.isEmpty()) {
                violations.append(inner.violation);
            }
        }
        QJsonObject headers;
        for (const auto &[name, value] : std::as_const(inner.headers)) {
            headers.insert(QString::fromLatin1(name), QString::fromUtf8(value));
        }
        QJsonObject answer {{QStringLiteral("id"), item.value(QLatin1StringView("id"))},
            {QStringLiteral("status"), inner.status}, {QStringLiteral("headers"), headers}};
        if (!inner.body.isEmpty()) {
            const QJsonDocument body = QJsonDocument::fromJson(inner.body);
            // JSON bodies come as objects; anything else (a PDF) as base64.
            answer.insert(QStringLiteral("body"),
                body.isObject() ? QJsonValue(body.object()) : QJsonValue(QString::fromLatin1(inner.body.toBase64())));
        }
        responses.append(answer);
        status.insert(id, inner.status);
        running.remove(id);
        return true;
    };
    for (const QString &id : std::as_const(order)) {
        if (!run(id)) {
            return badBatch(QStringLiteral("dependsOn forms a cycle."));
        }
    }
    // Graph may answer in any order; the sim reverses it so clients must correlate by id.
    QJsonArray reversed;
    for (qsizetype i = responses.size() - 1; i >= 0; --i) {
        reversed.append(responses.at(i));
    }
    HttpResponse r = json(200, QJsonObject {{QStringLiteral("responses"), reversed}});
    r.violation = violations.join(QStringLiteral("; "));
    return r;
}

HttpResponse GraphApi::control(const HttpRequest &request)
{
    if (request.path == QLatin1StringView("/_sim/truth") && request.method == "GET") {
        return json(200, truth());
    }
    if (request.path != QLatin1StringView("/_sim/mutate")) {
        return none();
    }
    if (request.method != "POST") {
        return error(405, QStringLiteral("BadRequest"), QStringLiteral("/_sim/mutate takes POST."));
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    Mutation m;
    m.add = body.value(QLatin1StringView("add")).toInt();
    m.update = body.value(QLatin1StringView("update")).toInt();
    m.disable = body.value(QLatin1StringView("disable")).toInt();
    m.remove = body.value(QLatin1StringView("remove")).toInt();
    m.softDelete = body.value(QLatin1StringView("softDelete")).toInt();
    m.expireDeltaTokens = body.value(QLatin1StringView("expireDeltaTokens")).toBool();
    const MutationResult result = m_tenant.mutate(m);
    writeTruth();
    return json(200,
        QJsonObject {{QStringLiteral("seq"), static_cast<qint64>(result.seq)},
            {QStringLiteral("deltaEpoch"), static_cast<qint64>(m_tenant.deltaEpoch())},
            {QStringLiteral("added"), QJsonArray::fromStringList(result.added)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(result.updated)},
            {QStringLiteral("disabled"), QJsonArray::fromStringList(result.disabled)},
            {QStringLiteral("removed"), QJsonArray::fromStringList(result.removed)},
            {QStringLiteral("softDeleted"), QJsonArray::fromStringList(result.softDeleted)}});
}

QJsonObject GraphApi::truth()
{
    TruthOptions options;
    options.premium = m_options.premium;
    options.userRows = m_options.truthUserRows;
    options.generationMs = m_options.generationMs;
    options.usageReportRows = m_activity.usageRows();
    return Truth::compute(m_tenant, m_signIns, m_mailbox, m_reference, options);
}

bool GraphApi::writeTruth()
{
    if (m_options.truthPath.isEmpty()) {
        return true;
    }
    QSaveFile file(m_options.truthPath);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    file.write(QJsonDocument(truth()).toJson());
    return file.commit();
}

}  // namespace stocktake::tenantsim
