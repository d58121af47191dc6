// Placeholder tab: tells Teams it loaded and follows the Teams theme. Outside Teams it just shows the page.
(async () => {
  const teams = window.microsoftTeams;
  if (!teams) return;
  try {
    await teams.app.initialize();
    const context = await teams.app.getContext();
    if (context.app.theme && context.app.theme !== 'default') document.body.classList.add('dark');
    teams.app.registerOnThemeChangeHandler((theme) =>
      document.body.classList.toggle('dark', theme !== 'default'),
    );
    teams.app.notifySuccess();
  } catch {
    // Not inside a Teams host (opened directly in a browser): the static page is all there is to show.
    document.body.dataset.host = 'browser';
  }
})();
