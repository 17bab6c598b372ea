package io.twofakit.server.http.resources;

import io.twofakit.ext.api.PagesApi;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The pages for people, all static and public: the landing page {@code /}, Swagger UI at {@code /docs} with its
 * files, and the two contract files. None holds data; what has data stays behind the API key.
 */
public final class PagesResource implements PagesApi {

    private final StaticPages pages;
    private final SwaggerUiFiles swaggerUi;
    private final ServedContracts contracts;

    /** @param simulator whether the simulator is on: the landing page links its page only then */
    public PagesResource(boolean simulator) {
        this.pages = new StaticPages(simulator);
        this.swaggerUi = new SwaggerUiFiles();
        this.contracts = new ServedContracts();
    }

    @Override
    public Response landingPage() {
        return PageHeaders.html(pages.landing(), StaticPages.LANDING_POLICY);
    }

    @Override
    public Response apiDocsPage() {
        return PageHeaders.html(pages.apiDocs(), StaticPages.API_DOCS_POLICY);
    }

    @Override
    public Response apiDocsAsset(String asset) {
        SwaggerUiFiles.File file = swaggerUi.find(asset).orElseThrow(NotFoundException::new);
        return PageHeaders.file(Response.ok(file.open(), file.type()), file.cacheFor()).build();
    }

    @Override
    public Response tyntecContract() {
        return contract(contracts.tyntec());
    }

    @Override
    public Response extensionsContract() {
        return contract(contracts.extensions());
    }

    private static Response contract(String yaml) {
        return PageHeaders.file(Response.ok(yaml, ServedContracts.YAML), null).build();
    }

    /** The headers every page and file gets: no sniffing, no referrer; caching as each kind allows. */
    static final class PageHeaders {

        private PageHeaders() {
        }

        static Response html(String html, String contentSecurityPolicy) {
            return file(Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")), null)
                    .header("Content-Security-Policy", contentSecurityPolicy)
                    .build();
        }

        /**
         * @param cacheFor how long a browser may keep the file without asking again; null: it asks every time
         *                 (the pages and contract files change with the server's version)
         */
        static Response.ResponseBuilder file(Response.ResponseBuilder response, java.time.Duration cacheFor) {
            return response
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", cacheFor == null ? "no-cache" : "public, max-age=" + cacheFor.toSeconds());
        }
    }
}
