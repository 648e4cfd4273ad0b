@echo off
rem orderflow.cmd: the local platform on Windows (see orderflow help). A thin wrapper: builds
rem the launcher and the service jars when they are missing, then runs the Java launcher.
setlocal
set "ROOT=%~dp0"
if "%ROOT:~-1%"=="\" set "ROOT=%ROOT:~0,-1%"
set "VERSION=0.1.0-SNAPSHOT"
set "LAUNCHER=%ROOT%\dev-stack\target\dev-stack-%VERSION%.jar"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"

set "BUILD="
if not exist "%LAUNCHER%" set "BUILD=1"
if not exist "%ROOT%\dev-stack\target\lib" set "BUILD=1"
for %%m in (schema-registry order-service inventory-service notification-service) do (
  if not exist "%ROOT%\%%m\target\%%m-%VERSION%.jar" set "BUILD=1"
)
if not defined BUILD goto run
echo orderflow: jars missing, building them first (mvnw -q -B -DskipTests install, a few minutes the first time) ...
pushd "%ROOT%"
call mvnw.cmd -q -B -DskipTests install
if errorlevel 1 (
  popd
  exit /b 1
)
popd

:run
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dorderflow.repo="%ROOT%" -jar "%LAUNCHER%" %*
exit /b %ERRORLEVEL%
