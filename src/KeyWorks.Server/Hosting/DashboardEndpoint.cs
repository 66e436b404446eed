using Microsoft.Extensions.FileProviders;

namespace KeyWorks.Server.Hosting;

/// <summary>
/// The dashboard's built files (src/KeyWorks.Dashboard, built into <c>wwwroot/app</c>) at <c>/app/</c>;
/// <c>/</c> leads there. Without a build, <c>/</c> says how to make one instead of answering 404.
/// </summary>
public static class DashboardEndpoint
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        var folder = Path.Combine(app.Environment.ContentRootPath, "wwwroot", "app");
        var built = File.Exists(Path.Combine(folder, "index.html"));
        if (built)
        {
            var files = new PhysicalFileProvider(folder);
            app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = "/app", FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = "/app",
                FileProvider = files,
                // Hashed asset names never change content; index.html must be fetched anew to see a new build.
                OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                    context.File.Name == "index.html" ? "no-cache" : "public, max-age=31536000, immutable",
            });
        }

        app.MapGet("/", () => built
            ? Results.Redirect("/app/")
            : Results.Content(NotBuiltPage, "text/html; charset=utf-8"));
        return app;
    }

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>KeyWorks 重点项目建设管理</title></head>
        <body style="font-family: sans-serif; margin: 2rem;">
          <h1>KeyWorks 重点项目建设管理</h1>
          <p>服务运行中，但仪表盘尚未构建。请用 <code>bash src/serve.sh</code> 启动，它会构建仪表盘。</p>
          <p>The dashboard has not been built; start the server with <code>bash src/serve.sh</code>, which builds it.</p>
          <p><a href="/health">/health</a></p>
        </body>
        </html>
        """;
}
