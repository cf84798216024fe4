package io.minxin.e2e.support;

import io.minxin.events.Channel;
import java.time.YearMonth;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The read side of the gateway, as a dashboard uses it with its key. */
public final class Dashboard {
    private final Api api;
    private final String apiKey;

    public Dashboard(Api api, String apiKey) {
        this.api = api;
        this.apiKey = apiKey;
    }

    public Response overviewResponse(YearMonth period) {
        return api.get("api/v1/overview?period=" + period, apiKey);
    }

    public Response unitsResponse(YearMonth period, Channel channel) {
        return api.get("api/v1/units?period=" + period + "&channel=" + channel, apiKey);
    }

    public Response rankingResponse(YearMonth period, Channel channel, int top) {
        return api.get("api/v1/rankings/" + period + "?channel=" + channel + "&top=" + top, apiKey);
    }

    public Response noticesResponse(String type, YearMonth period) {
        return api.get("api/v1/notices?type=" + type + "&period=" + period + "&limit=5000", apiKey);
    }

    /** The overview as comparable figures; {@code null} while the query does not answer 200. */
    public Map<String, Map<String, Long>> overview(YearMonth period) {
        Response response = overviewResponse(period);
        return response.status() == 200 ? Figures.overview(response.json()) : null;
    }

    /** A channel's unit table as comparable figures; {@code null} while the query does not answer 200. */
    public Map<String, Map<String, Long>> units(YearMonth period, Channel channel) {
        Response response = unitsResponse(period, channel);
        return response.status() == 200 ? Figures.units(response.json()) : null;
    }

    public JsonNode ranking(YearMonth period, Channel channel, int top) {
        return ok(rankingResponse(period, channel, top)).json();
    }

    public JsonNode notices(String type, YearMonth period) {
        return ok(noticesResponse(type, period)).json();
    }

    public Response get(String pathAndQuery) {
        return api.get(pathAndQuery, apiKey);
    }

    private static Response ok(Response response) {
        if (response.status() != 200) {
            throw new AssertionError("expected 200, got " + response);
        }
        return response;
    }
}
