// The Marianne block of the State identity ("République française" on two lines).

export function Brand() {
  return (
    <p class="fr-logo">
      République
      <br />
      Française
    </p>
  );
}
