// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QUrlQuery>

#include <functional>

namespace stocktake::tenantsim {

struct HttpRequest {
    QByteArray method;
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QByteArray body;
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString violation;      // logged, never sent
    bool truncate = false;  // send half the body, then close the connection
    /// Sent this long after it is ready, as Graph's latency would: other connections are served
    /// meanwhile, this one's next request waits for it.
    int delayMs = 0;
};

/// HTTP/1.1 on loopback with keep-alive and Content-Length bodies; one JSON line per request
/// in the request log.
class HttpServer : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    HttpServer(Handler handler, const QString &logPath, QObject *parent = nullptr);
    ~HttpServer() override;
    bool listen(quint16 port);
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

private:
    void onConnection();
    void onReadable(QTcpSocket *socket);
    void log(const HttpRequest &request, const HttpResponse &response);
    static void send(QTcpSocket *socket, const QByteArray &out, bool close);

    QTcpServer m_server;
    Handler m_handler;
    QFile m_log;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QSet<QTcpSocket *> m_delayed;  ///< connections whose answer waits for its delay
};

}  // namespace stocktake::tenantsim
