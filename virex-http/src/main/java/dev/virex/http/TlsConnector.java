package dev.virex.http;

import java.security.KeyStore;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The HTTPS connector of a service with a {@link Tls} identity (TLS 1.2 and 1.3 only). */
final class TlsConnector {
    private TlsConnector() {}

    static ServerConnector create(Server server, HttpConfiguration http, KeyStore keyStore, HttpService.Options o) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore);
        ssl.setKeyStorePassword(new String(Tls.STORE_PASSWORD));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        src.setSniHostCheck(false); // clients may connect by IP; the certificate's SANs are the client's check
        https.addCustomizer(src);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setHost(o.host());
        c.setPort(o.port());
        return c;
    }
}
