# UNV Results Dashboard, as a container. Build context: the repository root.
#   docker compose up --build        (app + PostgreSQL 15, see docker-compose.yml)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm fetches Bootstrap and Chart.js during the build (ADR-003).
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/UnvReporting.Domain/UnvReporting.Domain.csproj src/UnvReporting.Domain/
COPY src/UnvReporting.Web/UnvReporting.Web.csproj src/UnvReporting.Web/ClientLibraries.targets \
     src/UnvReporting.Web/package.json src/UnvReporting.Web/package-lock.json src/UnvReporting.Web/
RUN dotnet restore src/UnvReporting.Web/UnvReporting.Web.csproj
COPY src/ src/
RUN dotnet publish src/UnvReporting.Web/UnvReporting.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Logs (and the SQLite file, when that provider is used) go to the /data volume.
RUN mkdir /data && chown "$APP_UID" /data
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataFolder=/data
VOLUME /data
EXPOSE 8080
USER $APP_UID
# The runtime image has no curl; bash's /dev/tcp asks /health/ready (200 when the database is
# reachable and migrated).
HEALTHCHECK --interval=15s --timeout=6s --start-period=30s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "UnvReporting.Web.dll"]
