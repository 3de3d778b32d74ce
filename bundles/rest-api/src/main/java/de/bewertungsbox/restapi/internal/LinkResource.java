package de.bewertungsbox.restapi.internal;

import java.net.URI;
import java.time.Clock;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import de.bewertungsbox.api.notify.RequestStore;

/**
 * The links in review requests, without authentication (the token is 24 random characters):
 * {@code GET /r/{token}} records the click and redirects to the review page (the location's, else the project's);
 * {@code GET /unsubscribe/{token}} opts the customer out; {@code POST /unsubscribe/{token}} is the RFC 8058
 * one-click unsubscribe that mail clients send. Answers are small bilingual HTML pages.
 */
@Component(service = LinkResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@JaxrsExtensionSelect(AuthFilter.SELECT)
@Path("")
public class LinkResource {
    private final RequestStore requests;
    private final Clock clock = Clock.systemUTC();

    /** @param requests the outbox */
    @Activate
    public LinkResource(@Reference(name = "requests") RequestStore requests) {
        this.requests = requests;
    }

    /** @return 302 to the review page, 200 when none is set, 404 for an unknown link */
    @GET
    @Path("r/{token}")
    public Response review(@PathParam("token") String token) {
        return requests.click(token, clock.instant()).map(url -> url.isEmpty()
                ? page(200, "Danke! / Thank you!", "Die Bewertungsseite ist noch nicht eingerichtet. / The review "
                        + "page is not set up yet.")
                : Response.status(302).location(URI.create(url)).build())
                .orElseGet(LinkResource::unknown);
    }

    /** @return 200 with a confirmation page, 404 for an unknown link */
    @GET
    @Path("unsubscribe/{token}")
    public Response unsubscribe(@PathParam("token") String token) {
        return requests.unsubscribe(token, clock.instant()) ? page(200, "Abgemeldet / Unsubscribed",
                "Sie erhalten keine Bewertungsanfragen mehr. / You will receive no more review requests.")
                : unknown();
    }

    /** @return 200 (RFC 8058 one-click unsubscribe), 404 for an unknown link */
    @POST
    @Path("unsubscribe/{token}")
    public Response oneClick(@PathParam("token") String token) {
        return unsubscribe(token);
    }

    private static Response unknown() {
        return page(404, "Link ungültig / Invalid link", "Dieser Link ist nicht (mehr) gültig. / This link is not "
                + "valid.");
    }

    private static Response page(int status, String title, String text) {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width\"><title>" + title + "</title></head><body style=\"font-family:"
                + "sans-serif;max-width:40em;margin:3em auto;padding:0 1em\"><h1>" + title + "</h1><p>" + text
                + "</p></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).build();
    }
}
