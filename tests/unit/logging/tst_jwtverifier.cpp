// Service-account JWT checks as Google's token endpoint makes them, against assertions the test
// signs itself with OpenSSL.

#include "jwtsigner.h"

#include "sim/logging/serviceaccountkey.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Meridian::Sim::JwtVerifier;
using Meridian::Sim::ServiceAccountKey;

namespace {

const QString email = u"meridian-sim@demo.iam.gserviceaccount.com"_s;
const QString keyId = u"0123456789abcdef0123456789abcdef01234567"_s;
const QString tokenUri = u"https://127.0.0.1:4443/token"_s;
constexpr qint64 now = 1764201600; // fixed, so no test depends on the wall clock

QJsonObject header(const QString &kid = keyId)
{
    return {{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}, {u"kid"_s, kid}};
}

QJsonObject claims(qint64 iat = now - 10, qint64 exp = now + 3590)
{
    return {{u"iss"_s, email},
            {u"scope"_s, u"https://www.googleapis.com/auth/logging.read"_s},
            {u"aud"_s, tokenUri},
            {u"iat"_s, iat},
            {u"exp"_s, exp}};
}

} // namespace

class TstJwtVerifier final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void verifies_data();
    void verifies();
    void selfSignedTokenNeedsNoAudienceOrScope();
    void keyFileRoundTrip();

private:
    JwtSigner m_signer;
    JwtSigner m_stranger;
    std::optional<JwtVerifier> m_verifier;
};

void TstJwtVerifier::initTestCase()
{
    QVERIFY(m_signer.isValid());
    QVERIFY(m_stranger.isValid());
    auto verifier = JwtVerifier::create(m_signer.publicKeyPem(), {keyId, email, {tokenUri}});
    QVERIFY(verifier.ok());
    m_verifier.emplace(std::move(verifier).value());
    QVERIFY(!JwtVerifier::create("not a key", {}).ok());
}

void TstJwtVerifier::verifies_data()
{
    QTest::addColumn<QByteArray>("assertion");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("description");

    const QString timing = u"Invalid JWT: Token must be a short-lived token (60 minutes) and in a "
                           u"reasonable timeframe. Check your iat and exp values in the JWT "
                           u"claim."_s;
    QTest::newRow("good") << m_signer.sign(header(), claims()) << QString() << QString();
    QJsonObject noKid = header();
    noKid.remove(u"kid"_s);
    QTest::newRow("good without kid") << m_signer.sign(noKid, claims()) << QString() << QString();
    QTest::newRow("good within skew")
            << m_signer.sign(header(), claims(now + 200, now + 3000)) << QString() << QString();

    QTest::newRow("bad signature") << m_stranger.sign(header(), claims()) << u"invalid_grant"_s
                                   << u"Invalid JWT Signature."_s;
    QByteArray tampered = m_signer.sign(header(), claims());
    const QList<QByteArray> parts = tampered.split('.');
    QJsonObject other = claims();
    other.insert(u"iss"_s, u"evil@example.com"_s);
    tampered = parts[0] + '.'
               + QJsonDocument(other)
                         .toJson(QJsonDocument::Compact)
                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
               + '.' + parts[2];
    QTest::newRow("tampered claims")
            << tampered << u"invalid_grant"_s << u"Invalid JWT Signature."_s;
    QTest::newRow("wrong kid") << m_signer.sign(header(u"ffff"_s), claims()) << u"invalid_grant"_s
                               << u"Invalid JWT Signature."_s;
    QJsonObject hs256 = header();
    hs256.insert(u"alg"_s, u"HS256"_s);
    QTest::newRow("wrong alg") << m_signer.sign(hs256, claims()) << u"invalid_grant"_s
                               << u"Invalid JWT: unsupported algorithm."_s;

    QTest::newRow("expired") << m_signer.sign(header(), claims(now - 7200, now - 3600))
                             << u"invalid_grant"_s << timing;
    QTest::newRow("longer than an hour")
            << m_signer.sign(header(), claims(now, now + 7200)) << u"invalid_grant"_s << timing;
    QTest::newRow("issued in the future") << m_signer.sign(header(), claims(now + 1200, now + 3600))
                                          << u"invalid_grant"_s << timing;

    QJsonObject wrongAud = claims();
    wrongAud.insert(u"aud"_s, u"https://example.com/token"_s);
    QTest::newRow("wrong aud") << m_signer.sign(header(), wrongAud) << u"invalid_grant"_s
                               << u"Invalid JWT: Failed audience check. The expected value was "_s
                                          + tokenUri;
    QJsonObject wrongIss = claims();
    wrongIss.insert(u"iss"_s, u"someone@else.iam.gserviceaccount.com"_s);
    QTest::newRow("wrong iss") << m_signer.sign(header(), wrongIss) << u"invalid_grant"_s
                               << u"Invalid grant: account not found"_s;
    QJsonObject noScope = claims();
    noScope.remove(u"scope"_s);
    QTest::newRow("no scope") << m_signer.sign(header(), noScope) << u"invalid_scope"_s
                              << u"Empty or missing scope not allowed."_s;
    QTest::newRow("not a jwt") << QByteArray("abc.def") << u"invalid_grant"_s
                               << u"Invalid JWT: malformed token."_s;
}

void TstJwtVerifier::verifies()
{
    QFETCH(QByteArray, assertion);
    QFETCH(QString, error);
    QFETCH(QString, description);
    const Meridian::Result<Meridian::Sim::JwtClaims> result
            = m_verifier->verifyGrant(assertion, now);
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(result->issuer, email);
        QCOMPARE(result->scope, u"https://www.googleapis.com/auth/logging.read"_s);
        return;
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, error);
    QCOMPARE(result.error().message, description);
}

void TstJwtVerifier::selfSignedTokenNeedsNoAudienceOrScope()
{
    QJsonObject jwtAccess = claims();
    jwtAccess.remove(u"scope"_s);
    jwtAccess.insert(u"aud"_s, u"https://logging.googleapis.com/"_s);
    QVERIFY(m_verifier->verifySelfSigned(m_signer.sign(header(), jwtAccess), now).ok());
    QVERIFY(!m_verifier->verifySelfSigned(m_stranger.sign(header(), jwtAccess), now).ok());
}

void TstJwtVerifier::keyFileRoundTrip()
{
    // Given the simulator's key file, a client that signs with its private key is accepted.
    auto key = ServiceAccountKey::generate(u"demo"_s, 7);
    QVERIFY(key.ok());
    const QJsonObject file = QJsonDocument::fromJson(key->json(QUrl(tokenUri))).object();
    QCOMPARE(file.value(u"type"_s).toString(), u"service_account"_s);
    QCOMPARE(file.value(u"project_id"_s).toString(), u"demo"_s);
    QCOMPARE(file.value(u"client_email"_s).toString(), email);
    QCOMPARE(file.value(u"token_uri"_s).toString(), tokenUri);
    QCOMPARE(file.value(u"private_key_id"_s).toString().size(), 40);
    QCOMPARE(file.value(u"client_id"_s).toString().size(), 21);
    const QString pem = file.value(u"private_key"_s).toString();
    QVERIFY(pem.startsWith(u"-----BEGIN PRIVATE KEY-----\n"_s)); // PKCS#8
    QCOMPARE(ServiceAccountKey::generate(u"demo"_s, 7)->keyId(), key->keyId());

    const JwtSigner client(pem.toLatin1());
    QVERIFY(client.isValid());
    auto verifier = JwtVerifier::create(key->publicKeyPem(),
                                        {key->keyId(), key->clientEmail(), {tokenUri}});
    QVERIFY(verifier.ok());
    const qint64 wallNow = QDateTime::currentSecsSinceEpoch();
    QVERIFY(verifier->verifyGrant(client.sign(header(key->keyId()),
                                              claims(wallNow, wallNow + 3600)),
                                  wallNow)
                    .ok());
}

QTEST_GUILESS_MAIN(TstJwtVerifier)
#include "tst_jwtverifier.moc"
