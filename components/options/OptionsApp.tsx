export function OptionsApp() {
  return (
    <main class="options">
      <h1>Rekey settings</h1>
    </main>
  );
}
