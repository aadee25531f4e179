@echo off
rem Stops and removes the service ZeroTraceAgent and the program in %ProgramFiles%\ZeroTrace.
rem The configuration and state in %ProgramData%\ZeroTrace are kept (delete that folder to
rem forget the agent's identity and its unsent batches). Run it as Administrator.
setlocal
set "program=%ProgramFiles%\ZeroTrace"
sc query ZeroTraceAgent >nul 2>&1
if not errorlevel 1 (
  sc stop ZeroTraceAgent >nul 2>&1
  sc delete ZeroTraceAgent >nul
  if errorlevel 1 goto failed
)
if exist "%program%\zerotrace-agent.exe" del /f "%program%\zerotrace-agent.exe"
if exist "%program%\zerotrace-agent.exe" goto failed
if exist "%program%" rmdir "%program%" 2>nul
echo ZeroTraceAgent removed; %ProgramData%\ZeroTrace was kept.
exit /b 0
:failed
echo ZeroTraceAgent was not removed: the step above failed (run as Administrator?)
exit /b 1
