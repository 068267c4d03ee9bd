# One image recipe for every IPWatch JVM service; MODULE picks which (crawlers, casework-api, stream-jobs).
# Build: docker build -f deploy/service.Dockerfile --build-arg MODULE=casework-api .
FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN mvn -B -q -pl ${MODULE} -am package -DskipTests \
 && mvn -B -q -pl ${MODULE} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/out/lib \
 && cp ${MODULE}/target/${MODULE}-*.jar /out/lib/ \
 && if [ "${MODULE}" = casework-api ]; then cp ui/target/ui-*.jar /out/lib/; fi

FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 ipwatch
COPY --from=build /out/lib /opt/ipwatch/lib
COPY config /opt/ipwatch/config
WORKDIR /opt/ipwatch
USER ipwatch
ENTRYPOINT ["java", "-cp", "/opt/ipwatch/lib/*"]
