#include "apiclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace Meridian::Kube {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Meridian::Kube", text);
}

Net::Response failedResponse(const Error &error)
{
    Net::Response response;
    response.outcome = Net::Response::Outcome::NetworkError;
    response.errorText = error.message;
    response.clientErrorCode = error.code;
    return response;
}

} // namespace

ApiError apiErrorFrom(const Net::Response &response)
{
    ApiError error;
    error.outcome = response.outcome;
    error.httpStatus = response.httpStatus;
    if (response.outcome != Net::Response::Outcome::Ok) {
        error.reason = response.clientErrorCode.isEmpty() ? Net::outcomeName(response.outcome)
                                                          : response.clientErrorCode;
        error.message = response.errorText;
        return error;
    }
    const QJsonObject status = QJsonDocument::fromJson(response.body).object();
    if (status.value(QLatin1String("kind")).toString() == QLatin1String("Status")) {
        error.reason = status.value(QLatin1String("reason")).toString();
        error.message = status.value(QLatin1String("message")).toString();
    }
    if (error.message.isEmpty()) {
        const QByteArray text = response.body.left(300).trimmed();
        error.message = text.isEmpty() ? tr("HTTP %1 with an empty body").arg(response.httpStatus)
                                       : QString::fromUtf8(text);
    }
    if (error.reason.isEmpty())
        error.reason = QStringLiteral("HTTP %1").arg(response.httpStatus);
    return error;
}

ApiClient::ApiClient(ResolvedContext context,
                     Net::Transport *transport,
                     ExecCredentialProvider *credentials,
                     QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_transport(transport)
    , m_credentials(credentials)
{}

void RequestHandle::cancel()
{
    m_cancelled = true;
    if (m_reply)
        m_reply->cancel();
}

Net::Request ApiClient::requestFor(const QString &pathAndQuery) const
{
    Net::Request request;
    request.url = QUrl(m_context.cluster.server);
    QString base = request.url.path();
    if (base.endsWith(u'/'))
        base.chop(1);
    const qsizetype q = pathAndQuery.indexOf(u'?');
    request.url.setPath(base + pathAndQuery.left(q));
    if (q >= 0)
        request.url.setQuery(pathAndQuery.mid(q + 1));
    request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    return request;
}

RequestHandlePtr ApiClient::get(const QString &pathAndQuery, Callback callback, int timeoutMs)
{
    Net::Request request = requestFor(pathAndQuery);
    request.timeoutMs = timeoutMs;
    return send(std::move(request), std::move(callback));
}

RequestHandlePtr ApiClient::stream(const QString &pathAndQuery, ChunkCallback chunk, Callback done)
{
    Net::Request request = requestFor(pathAndQuery);
    request.timeoutMs = 0; // the server's timeoutSeconds ends a watch, not us
    request.streaming = true;
    return send(std::move(request), std::move(done), std::move(chunk));
}

RequestHandlePtr ApiClient::send(Net::Request request, Callback callback, ChunkCallback chunk)
{
    auto handle = std::make_shared<RequestHandle>();
    if (!m_tls)
        m_tls = tlsConfigFor(m_context);
    if (!*m_tls) {
        callback(failedResponse(m_tls->error()));
        return handle;
    }
    request.tls = m_tls->value();
    request.proxyUrl = m_context.cluster.proxyUrl;
    request.headers.append(
            {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("meridian/" MERIDIAN_VERSION)});
    sendWithCredential(Call{std::move(request), std::move(callback), std::move(chunk), handle},
                       false);
    return handle;
}

void ApiClient::sendWithCredential(Call call, bool retried)
{
    if (m_context.user.exec && m_context.user.token.isEmpty()) {
        if (!m_credentials) {
            call.done(failedResponse({QStringLiteral("Internal"), tr("no credential provider")}));
            return;
        }
        m_credentials->obtain(m_context,
                              this,
                              [this, call, retried](const Result<Credential> &credential) {
                                  if (call.handle->isCancelled())
                                      return;
                                  if (!credential) {
                                      call.done(failedResponse(credential.error()));
                                      return;
                                  }
                                  dispatch(call, *credential, retried);
                              });
        return;
    }
    Result<Credential> credential = staticCredential(m_context.user);
    if (!credential) {
        call.done(failedResponse(credential.error()));
        return;
    }
    dispatch(std::move(call), *credential, true);
}

void ApiClient::dispatch(Call call, const Credential &credential, bool retried)
{
    if (!m_transport)
        return;
    Net::Request sent = call.request;
    if (!credential.token.isEmpty())
        sent.headers.append(
                {QByteArrayLiteral("Authorization"), "Bearer " + credential.token.toUtf8()});
    if (!credential.clientCertPem.isEmpty()) {
        sent.tls.clientCertPem = credential.clientCertPem;
        sent.tls.clientKeyPem = credential.clientKeyPem;
    }
    Net::Reply *reply = m_transport->send(std::move(sent));
    reply->setParent(this);
    call.handle->m_reply = reply;
    if (call.chunk)
        connect(reply, &Net::Reply::chunkReceived, this, call.chunk);
    connect(reply,
            &Net::Reply::finished,
            this,
            [this, reply, call, retried](const Net::Response &response) {
                reply->deleteLater();
                if (response.outcome == Net::Response::Outcome::Ok && response.httpStatus == 401
                    && !retried && m_context.user.exec && m_credentials) {
                    // A plugin token the server no longer accepts: ask the plugin once more.
                    m_credentials->invalidate(m_context);
                    sendWithCredential(call, true);
                    return;
                }
                call.done(response);
            });
}

} // namespace Meridian::Kube
