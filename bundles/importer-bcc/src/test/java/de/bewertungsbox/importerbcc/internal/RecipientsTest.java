package de.bewertungsbox.importerbcc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import de.bewertungsbox.api.importer.ImportException;

class RecipientsTest {
    static final String DOMAIN = "bcc.bewertungsbox.local";
    static final Instant RECEIVED = Instant.parse("2026-12-04T10:00:00Z");

    static List<Recipients.Found> read(String message) throws ImportException {
        return Recipients.read(new ByteArrayInputStream(message.replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8)), DOMAIN, RECEIVED);
    }

    @Test
    void toAndCcBecomeCustomersExceptTheSenderAndOurBccAddresses() throws Exception {
        List<Recipients.Found> f = read("""
                From: Bäckerei Müller <rechnung@baeckerei.de>
                To: Anna Maria Schmidt <anna@example.com>, "Müller, Hans" <hans@example.com>
                Cc: rechnung@baeckerei.de, Bob <BOB@Example.com>, <abc123xyz@bcc.bewertungsbox.local>
                Date: Wed, 02 Dec 2026 09:30:00 +0100
                Subject: Ihre Rechnung
                Message-ID: <r1@baeckerei.de>

                Danke!
                """);
        assertEquals(List.of("anna@example.com", "hans@example.com", "BOB@Example.com"),
                f.stream().map(x -> x.customer().email()).toList());
        assertEquals("Anna Maria", f.get(0).customer().firstName());
        assertEquals("Schmidt", f.get(0).customer().lastName());
        assertEquals("Müller,", f.get(1).customer().firstName(), "a 'Last, First' name is split as written");
        assertEquals(Instant.parse("2026-12-02T08:30:00Z"), f.get(0).customer().signedUpAt());
        assertTrue(f.stream().allMatch(x -> x.problems().isEmpty()));
    }

    @Test
    void encodedWordsAndRawUtf8NamesAreDecoded() throws Exception {
        List<Recipients.Found> f = read("""
                From: shop@example.org
                To: =?UTF-8?B?SsO8cmdlbiBXw6RnbmVy?= <juergen@example.com>, =?ISO-8859-1?Q?Ren=E9e_D=FCrr?= <renee@example.com>
                Cc: Zoë Öztürk <zoe@example.com>

                x
                """);
        assertEquals(List.of("Jürgen", "Renée", "Zoë"), f.stream().map(x -> x.customer().firstName()).toList());
        assertEquals(List.of("Wägner", "Dürr", "Öztürk"), f.stream().map(x -> x.customer().lastName()).toList());
    }

    @Test
    void groupsAreExpandedAndAnAddressWithoutNameIsRejectedWithTheReason() throws Exception {
        List<Recipients.Found> f = read("""
                From: shop@example.org
                To: Kunden: Carla Cruz <carla@example.com>, dora@example.com;, undisclosed-recipients:;

                x
                """);
        assertEquals(2, f.size());
        assertEquals("Carla", f.get(0).customer().firstName());
        assertNull(f.get(1).customer().firstName());
        assertEquals("first_name", f.get(1).problems().get(0).field());
        assertTrue(f.get(1).problems().get(0).message().contains("no display name"));
    }

    @Test
    void aMessageWithoutToOrCcFailsWithAClearMessage() {
        ImportException e = assertThrows(ImportException.class, () -> read("""
                From: shop@example.org
                Subject: nobody

                x
                """));
        assertTrue(e.getMessage().contains("neither To nor Cc"), e.getMessage());
    }

    @Test
    void malformedAddressesAreRejectedAndTheRestKept() throws Exception {
        List<Recipients.Found> f = read("""
                From: shop@example.org
                To: Good Guy <good@example.com>, Bad <not an address>, "Unclosed <x@example.com>
                Date: not a date at all

                x
                """);
        assertEquals("good@example.com", f.get(0).customer().email());
        assertEquals(RECEIVED, f.get(0).customer().signedUpAt(), "an unreadable Date: the receive time");
        assertTrue(f.stream().anyMatch(x -> x.customer() == null && x.problems().get(0).field().equals("email")),
                f.toString());
    }

    @Test
    void anAbsurdDateIsReplacedByTheReceiveTime() throws Exception {
        List<Recipients.Found> f = read("""
                From: shop@example.org
                To: Eve Early <eve@example.com>
                Date: Mon, 01 Jan 1979 00:00:00 +0000

                x
                """);
        assertEquals(RECEIVED, f.get(0).customer().signedUpAt());
    }
}
