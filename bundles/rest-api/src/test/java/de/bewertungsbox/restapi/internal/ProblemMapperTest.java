package de.bewertungsbox.restapi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.ValidationException;

class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    private static Problem problem(Response r) {
        return (Problem) r.getEntity();
    }

    @Test
    void eachKindOfFailureHasItsStatus() {
        assertEquals(422, mapper.toResponse(new ValidationException(List.of(new FieldError("email", "bad"))))
                .getStatus());
        assertEquals(404, mapper.toResponse(new NotFoundException("no customer")).getStatus());
        assertEquals(503, mapper.toResponse(new StoreUnavailableException("down", new RuntimeException()))
                .getStatus());
        Response limited = mapper.toResponse(ApiError.tooManyRequests(7));
        assertEquals(429, limited.getStatus());
        assertEquals("7", limited.getHeaderString("Retry-After"));
    }

    @Test
    void malformedJsonSaysWhereAndNamesNoClass() throws Exception {
        try {
            Json.MAPPER.readTree("{\"first_name\": ");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            Response r = mapper.toResponse(new javax.ws.rs.BadRequestException(e));
            assertEquals(400, r.getStatus());
            String detail = problem(r).detail();
            assertTrue(detail.startsWith("the body is not valid JSON (line 1"), detail);
            assertFalse(detail.contains("com.fasterxml") || detail.contains("Exception"), detail);
        }
    }

    @Test
    void anUnexpectedFailureIsA500WithAnErrorIdAndNothingElse() {
        Response r = mapper.toResponse(new IllegalStateException("secret internals at com.example.Foo"));
        assertEquals(500, r.getStatus());
        assertTrue(problem(r).detail().matches("something went wrong on our side \\(error id [0-9a-f-]{36}\\)"));
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
    }
}
