using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SoSucKhoe.Security;

namespace SoSucKhoe.Api.Security;

/// <summary>Puts plain-HTTP operator endpoints (the emulator's controls, later dashboards and metrics) behind an admin key.</summary>
public static class HttpAdminGate
{
    /// <summary>Requests under <paramref name="prefix"/> need <c>Authorization: Bearer &lt;admin key&gt;</c>: 401 without, 403 for other roles.</summary>
    public static IApplicationBuilder RequireAdminKey(this IApplicationBuilder app, PathString prefix) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(prefix), branch => branch.Use(async (context, next) =>
        {
            CallerPrincipal caller;
            var refusals = context.RequestServices.GetRequiredService<AccessRefusals>();
            try
            {
                caller = await context.RequestServices.GetRequiredService<Authenticator>()
                    .AuthenticateHeaderAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null);
            }
            catch (AccessRefusedException refused)
            {
                refusals.Record(AccessRefusals.SourceOf(context.Connection), prefix.Value!, refused.Reason, refused.KeyId);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }

            if (caller.Role != CallerRole.Admin)
            {
                refusals.Record(AccessRefusals.SourceOf(context.Connection), prefix.Value!, AccessRefusalReasons.RoleNotAllowed, caller.KeyId);
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        }));
}
