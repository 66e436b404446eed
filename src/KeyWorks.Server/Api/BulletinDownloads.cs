using KeyWorks.Bulletins.Storing;
using KeyWorks.Domain;
using KeyWorks.Server.Auth;

namespace KeyWorks.Server.Api;

/// <summary>
/// <c>GET /bulletins/{id}.pdf</c>: a bulletin's PDF for a caller with a valid bearer token who may see the bulletin
/// (<see cref="BulletinFields.MaySee"/>): 401 without a valid token, 403 for a contractor or a leader asking for a
/// draft, 404 for an unknown bulletin or one not printed yet.
/// </summary>
public static class BulletinDownloads
{
    public static string PathOf(Guid id) => $"/bulletins/{id}.pdf";

    public static IEndpointRouteBuilder MapBulletinDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/bulletins/{id:guid}.pdf", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(Guid id, HttpContext http, BulletinStore store, AccessTokens tokens)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || tokens.Check(header["Bearer ".Length..].Trim()) is not TokenCheck.Valid valid)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Unauthorized();
        }

        var user = new ApiUser(valid.Subject.UserId, valid.Subject.Name, Enum.Parse<Role>(valid.Subject.Role, ignoreCase: true), valid.Subject.Unit);
        if (!BulletinFields.MaySee(user, null))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var run = await store.GetAsync(id, http.RequestAborted);
        if (run is null)
        {
            return Results.NotFound();
        }

        if (!BulletinFields.MaySee(user, run))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var pdf = await store.ReadPdfAsync(id, http.RequestAborted);
        if (pdf is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        var name = $"{run.Title}（{run.Month.Year}年第{run.Issue}期）.pdf";
        return Results.File(pdf, "application/pdf", name, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{run.ContentHash}\""));
    }
}
