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
ENTRYPOINT ["dotnet", "UnvReporting.Web.dll"]
