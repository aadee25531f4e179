@echo off
rem Installs the ZeroTrace agent from this folder as the Windows service ZeroTraceAgent:
rem the program in %ProgramFiles%\ZeroTrace, the configuration in %ProgramData%\ZeroTrace
rem (an existing agent.yaml is kept), that folder readable by SYSTEM and Administrators only
rem (the configuration holds the enrollment token; the state folder the api key), and the
rem service started automatically at boot. Run it as Administrator. Reinstalling upgrades the
rem program and keeps the configuration and state.
rem Each step is checked by its result, not by "||": cmd's internal commands leave ERRORLEVEL
rem as it was when they succeed.
setlocal
set "program=%ProgramFiles%\ZeroTrace"
set "data=%ProgramData%\ZeroTrace"
sc query ZeroTraceAgent >nul 2>&1
if not errorlevel 1 (
  sc stop ZeroTraceAgent >nul 2>&1
  sc delete ZeroTraceAgent >nul
  if errorlevel 1 goto failed
)
if not exist "%program%" mkdir "%program%"
copy /y "%~dp0zerotrace-agent.exe" "%program%\zerotrace-agent.exe" >nul
fc /b "%~dp0zerotrace-agent.exe" "%program%\zerotrace-agent.exe" >nul
if errorlevel 1 goto failed
if not exist "%data%" mkdir "%data%"
if not exist "%data%" goto failed
icacls "%data%" /inheritance:r /grant:r "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F" >nul
if errorlevel 1 goto failed
if not exist "%data%\agent.yaml" copy "%~dp0agent.yaml" "%data%\agent.yaml" >nul
if not exist "%data%\agent.yaml" goto failed
sc create ZeroTraceAgent binPath= "\"%program%\zerotrace-agent.exe\"" start= auto DisplayName= "ZeroTrace agent" >nul
if errorlevel 1 goto failed
sc description ZeroTraceAgent "ZeroTrace endpoint scanning agent" >nul
echo ZeroTraceAgent installed in %program%.
echo Set server.url and server.enrollment_token in %data%\agent.yaml, then: sc start ZeroTraceAgent
exit /b 0
:failed
echo ZeroTraceAgent was not installed: the step above failed (run as Administrator?)
exit /b 1
