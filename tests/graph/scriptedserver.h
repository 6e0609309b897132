// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslConfiguration>
#include <QTcpServer>

#include <deque>
#include <functional>
#include <memory>

class QTcpSocket;

namespace stocktake::testing {

/// A small scriptable HTTP/1.1 server on loopback for the Graph client's tests: each path gets
/// a queue of programmed answers (status, headers, body, delay, truncation, stall), and every
/// request is logged with its headers and the time it arrived.
class ScriptedServer : public QObject {
    Q_OBJECT
public:
    struct Response {
        int status = 200;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;          ///< wait before answering
        qint64 truncateAt = -1;   ///< send only this many body bytes, then close
        bool stall = false;       ///< never answer (the client's timeout must fire)
        bool closeAfter = false;  ///< no Content-Length: the body ends when the connection closes

        static Response json(const QByteArray &body, int status = 200);
        Response &header(const QByteArray &name, const QByteArray &value)
        {
            headers.append({name, value});
            return *this;
        }
    };

    struct Request {
        QByteArray method;
        QByteArray target;                      ///< as on the request line (path?query, percent-encoded)
        QByteArray path;                        ///< decoded path, no query
        QByteArray query;                       ///< decoded query
        QHash<QByteArray, QByteArray> headers;  ///< lower-case names
        QByteArray body;
        qint64 atMs = 0;  ///< since the server started
    };

    using Handler = std::function<Response(const Request &request)>;

    explicit ScriptedServer(QObject *parent = nullptr);
    ~ScriptedServer() override;

    /// Listens on `address` (e.g. 127.0.0.2) on a free port.
    bool listen(const QHostAddress &address = QHostAddress(QStringLiteral("127.0.0.1")));
    /// The same over TLS (QSslServer) with `config`'s certificate and key; origin() is https.
    bool listenTls(
        const QSslConfiguration &config, const QHostAddress &address = QHostAddress(QStringLiteral("127.0.0.1")));
    [[nodiscard]] QString origin() const;  ///< http(s)://host:port
    [[nodiscard]] quint16 port() const { return m_server->serverPort(); }

    /// Queues answers for requests whose target equals `pathOrTarget` (with '?') or whose path
    /// equals it (without '?'). The last answer of a queue repeats.
    void enqueue(const QByteArray &pathOrTarget, Response response);
    /// Answers everything not queued.
    void setFallback(Handler handler) { m_fallback = std::move(handler); }

    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    [[nodiscard]] QList<Request> requestsTo(const QByteArray &path) const;
    void clearLog() { m_requests.clear(); }

private:
    struct Connection {
        QByteArray buffer;
    };
    void onNewConnection();
    void onReadable(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Request &request);
    void write(QTcpSocket *socket, const Response &response);
    Response pick(const Request &request);

    std::unique_ptr<QTcpServer> m_server;
    bool m_tls = false;
    QElapsedTimer m_clock;
    QHash<QByteArray, std::deque<Response>> m_queues;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<Request> m_requests;
    Handler m_fallback;
};

}  // namespace stocktake::testing
