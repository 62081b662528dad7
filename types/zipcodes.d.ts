declare module "zipcodes" {
  export interface ZipCode {
    zip: string;
    latitude: number;
    longitude: number;
    city: string;
    state: string;
    country: string;
  }
  const zipcodes: {
    lookup(zip: string | number): ZipCode | undefined;
    lookupByState(state: string): ZipCode[];
  };
  export default zipcodes;
}
